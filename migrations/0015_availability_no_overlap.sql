-- Availability (issue 8): one person's leave and unavailability entries never overlap. Entering a period that
-- overlaps an existing one is refused (409 AVAILABILITY_OVERLAP) rather than merged: the person or planner
-- changes the existing entry, so what was entered (kind, note, who entered it) is never silently rewritten.
-- The constraint is the check (also between concurrent writers); its violation maps to that code.
-- zone_id is part of it, as every exclusion constraint includes the shard key (DESIGN.md §6).
ALTER TABLE unavailability
  ADD CONSTRAINT unavailability_no_overlap EXCLUDE USING gist (zone_id WITH =, person_id WITH =, period WITH &&);
