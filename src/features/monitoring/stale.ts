/** Past twice its expected refresh a figure is stale: it fades, says so, and raises no alarm (D4). */
export function isStale(updatedAt: number, now: number, expectedRefreshMs: number): boolean {
  return !updatedAt || now - updatedAt > 2 * expectedRefreshMs
}
