/**
 * Answers that come back out of order: a list asked again (a search typed while the first page is still loading)
 * must show the newest request's answer, never an older one that happens to arrive after it. Each request takes a
 * ticket; an answer is applied only while its ticket is still the newest.
 */
export function latestOnly() {
  let issued = 0
  return {
    /** A ticket for a new request; every earlier ticket is stale from now on. */
    next: () => ++issued,
    /** Whether the request holding this ticket is still the newest one. */
    current: (ticket: number) => ticket === issued,
  }
}
