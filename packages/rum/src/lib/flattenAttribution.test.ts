import { describe, expect, it } from 'vitest';
import { flattenAttribution } from './flattenAttribution.js';

describe('flattenAttribution', () => {
  it('keeps strings and finite numbers, renames the element selector to target', () => {
    expect(
      flattenAttribution({
        interactionTarget: 'main > button.buy',
        interactionType: 'pointer',
        inputDelay: 12.5,
        nextPaintTime: Number.NaN,
        processedEventEntries: [{}],
        longestScript: { subpart: 'x' },
      }),
    ).toEqual({ target: 'main > button.buy', interactionType: 'pointer', inputDelay: 12.5 });
  });

  it('strips query and hash from URLs and caps strings at 512 chars', () => {
    const out = flattenAttribution({ url: 'https://cdn.test/hero.jpg?token=abc#x', target: 'div'.repeat(300) });
    expect(out?.url).toBe('https://cdn.test/hero.jpg');
    expect(String(out?.target)).toHaveLength(512);
  });

  it('keeps at most 20 keys and gives undefined for nothing', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(flattenAttribution(many) ?? {})).toHaveLength(20);
    expect(flattenAttribution(undefined)).toBeUndefined();
    expect(flattenAttribution({ entries: [] })).toBeUndefined();
  });
});
