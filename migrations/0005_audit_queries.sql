-- Why: the DPO asks "who looked at person X, and why?" and filters the audit log by person, by user and by
-- period, and exports it for the supervisory body. These indexes keep those questions fast on a long log:
-- a person is either the object of an event or one of the people a list read returned (details.personIds).
CREATE INDEX audit_events_person_ids ON audit_events USING gin ((details -> 'personIds') jsonb_path_ops);
CREATE INDEX audit_events_object ON audit_events (object_id) WHERE object_id IS NOT NULL;
-- A period within a chain (and a partner chain from the moment dpo sharing is in force).
CREATE INDEX audit_events_chain_at ON audit_events (chain_zone_id, at);
