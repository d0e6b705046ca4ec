import { describe, expect, it } from 'vitest';
import type { runLighthouse } from './runLighthouse.js';
import { runLighthouseRetrying } from './runLighthouseRetrying.js';

type Result = Awaited<ReturnType<typeof runLighthouse>>;
const options = { url: 'http://127.0.0.1:1/', formFactor: 'mobile' } as Parameters<typeof runLighthouse>[0];
const result = { summary: {}, html: '', json: '' } as Result;

/** A Lighthouse stand-in that fails with a trace error `failures` times, then returns `result`. */
function flaky(failures: number) {
  let calls = 0;
  const run = async (): Promise<Result> => {
    calls++;
    if (calls <= failures) throw new Error('NO_NAVSTART: Something went wrong with recording the trace');
    return result;
  };
  return { run, calls: () => calls };
}

describe('runLighthouseRetrying', () => {
  it('runs again after a trace error, up to three runs in all, logging each retry', async () => {
    const lighthouse = flaky(2);
    const lines: string[] = [];
    await expect(
      runLighthouseRetrying('lighthouse:mobile-item', options, (line) => lines.push(line), { run: lighthouse.run }),
    ).resolves.toBe(result);
    expect(lighthouse.calls()).toBe(3);
    expect(lines).toEqual([
      '  lighthouse:mobile-item: NO_NAVSTART: Something went wrong with recording the trace; running it again (attempt 2 of 3)',
      '  lighthouse:mobile-item: NO_NAVSTART: Something went wrong with recording the trace; running it again (attempt 3 of 3)',
    ]);
  });

  it('stops at the third error, naming the target and its URL', async () => {
    const lighthouse = flaky(3);
    await expect(
      runLighthouseRetrying('lighthouse:mobile-item', options, () => {}, { run: lighthouse.run }),
    ).rejects.toThrow('lighthouse:mobile-item (http://127.0.0.1:1/): NO_NAVSTART');
    expect(lighthouse.calls()).toBe(3);
  });
});
