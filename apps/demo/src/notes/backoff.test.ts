import { expect, test } from 'vitest';
import { isRetryableStatus, retryDelay, RETRY_MAX_MS } from './backoff';

test('retry delay doubles per attempt within jitter bounds and is capped', () => {
  expect(retryDelay(1, () => 0)).toBe(500);
  expect(retryDelay(1, () => 1)).toBe(1_000);
  expect(retryDelay(3, () => 1)).toBe(4_000);
  expect(retryDelay(30, () => 1)).toBe(RETRY_MAX_MS);
  expect(retryDelay(30, () => 0)).toBe(RETRY_MAX_MS / 2);
});

test('server errors, timeouts and rate limits are retried; other client errors are not', () => {
  for (const status of [500, 502, 503, 504, 408, 429]) expect(isRetryableStatus(status)).toBe(true);
  for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) expect(isRetryableStatus(status)).toBe(false);
});
