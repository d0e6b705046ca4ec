/**
 * The wait before retry number `attempt` (0-based), or `null` when the retries are used up.
 * Exponential backoff (base, 2x base, 4x base...) so a struggling server is not hammered.
 */
export function retryDelay(attempt: number, retries: number, baseDelay: number): number | null {
  if (attempt >= retries) return null;
  return baseDelay * 2 ** attempt;
}
