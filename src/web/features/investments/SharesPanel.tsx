// The shares of one investment over a period, per zone, with the cost key and its inputs: built by the settlements
// part of issue 10 (GET /api/investments/{id}/shares); the investment page shows it.
export function SharesPanel({ investmentId }: { investmentId: string }) {
  void investmentId
  return null
}
