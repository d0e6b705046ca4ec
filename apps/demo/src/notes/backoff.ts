/** Smallest wait before retrying a change the server failed (5xx, timeout). @default 1000 */
export const RETRY_BASE_MS = 1_000;
/** Longest wait between retries. @default 300000 (5 minutes) */
export const RETRY_MAX_MS = 300_000;

/**
 * Exponential backoff with full jitter: attempt 1 waits up to 1 s, attempt 2 up to 2 s, ... capped at 5 min.
 * Jitter keeps many clients that failed together from retrying together.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Whether a failed HTTP status is worth retrying: server errors, timeouts and rate limits are; other 4xx never. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
