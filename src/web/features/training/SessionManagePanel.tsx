// Training (issue 11): the organiser's panel on the session page (places per zone, trainers, location, cancelling
// the session, posting trainer hours). The train-sessions helper fills it in; the session page (train-enrol
// helper) shows it when the session's `actions.manage` is true. The session is cached under the query key
// ['training', 'session', sessionId]; the panel invalidates ['training'] after a change.
export function SessionManagePanel(_props: { sessionId: string }) {
  return null
}
