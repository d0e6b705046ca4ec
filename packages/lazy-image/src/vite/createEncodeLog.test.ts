// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEncodeLog } from './createEncodeLog.js';

describe('createEncodeLog', () => {
  it('prints a line per encoded image and a summary of encoded, cached and wall-clock time', () => {
    const lines: string[] = [];
    let clock = 0;
    const log = createEncodeLog({ info: (m) => lines.push(m) }, '/app', () => clock);
    const a = log.start('/app/src/a.jpg');
    const b = log.start('/app/src/b.jpg');
    clock = 1500;
    a({ cached: false });
    clock = 1600;
    b({ cached: true });
    clock = 4100;
    log.start('/app/src/c.jpg')({ cached: true });
    log.summarize();
    expect(lines).toEqual([
      'responsive images: encoded src/a.jpg in 1.5 s',
      'responsive images: 1 encoded, 2 from cache, 4.1 s',
    ]);
  });

  it('says nothing when no image was loaded, and counts afresh after a summary', () => {
    const lines: string[] = [];
    const log = createEncodeLog({ info: (m) => lines.push(m) }, '/app', () => 0);
    log.summarize();
    expect(lines).toEqual([]);
    log.start('/app/a.jpg')({ cached: true });
    log.summarize();
    log.start('/app/a.jpg')({ cached: true });
    log.summarize();
    expect(lines).toEqual([
      'responsive images: 0 encoded, 1 from cache, 0.0 s',
      'responsive images: 0 encoded, 1 from cache, 0.0 s',
    ]);
  });
});
