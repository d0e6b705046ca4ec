import { describe, expect, it } from 'vitest';
import { CATALOG_SIZE } from './Item.js';
import { hslToHex, itemById } from './itemById.js';
import { listItems } from './listItems.js';

describe('itemById', () => {
  it('is deterministic and rebuilds the same item from the id', () => {
    expect(itemById(31_337)).toEqual(itemById(31_337));
    expect(itemById(1)?.name).not.toBe(undefined);
  });

  it('gives every item well-formed fields', () => {
    for (const id of [1, 2, 3, 500, 99_999, CATALOG_SIZE]) {
      const item = itemById(id);
      expect(item).toBeDefined();
      if (!item) continue;
      expect(item.id).toBe(id);
      expect(item.name).toMatch(/^\w+ \w+ [\w -]+$/);
      expect(Number.isInteger(item.price) && item.price > 0).toBe(true);
      expect(item.rating).toBeGreaterThanOrEqual(0);
      expect(item.rating).toBeLessThanOrEqual(5);
      expect(Math.round(item.rating * 10) / 10).toBe(item.rating);
      expect(item.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(item.image).toBe(`/api/images/${id}`);
      expect(item.description.length).toBeGreaterThan(20);
    }
  });

  it('varies between neighbouring ids', () => {
    const names = new Set(Array.from({ length: 50 }, (_, index) => itemById(index + 1)?.name));
    expect(names.size).toBeGreaterThan(40);
  });

  it.each([0, -1, CATALOG_SIZE + 1, 1.5, Number.NaN])('has no item %s', (id) => {
    expect(itemById(id)).toBeUndefined();
  });
});

describe('hslToHex', () => {
  it('converts the primaries', () => {
    expect(hslToHex(0, 1, 0.5)).toBe('#ff0000');
    expect(hslToHex(120, 1, 0.5)).toBe('#00ff00');
    expect(hslToHex(240, 1, 0.5)).toBe('#0000ff');
    expect(hslToHex(0, 0, 1)).toBe('#ffffff');
  });
});

describe('listItems', () => {
  it('pages through ids in order and ends at the catalog size', () => {
    expect(listItems({ offset: 0, limit: 3 }).items.map((item) => item.id)).toEqual([1, 2, 3]);
    expect(listItems({ offset: CATALOG_SIZE - 1, limit: 5 }).items.map((item) => item.id)).toEqual([CATALOG_SIZE]);
    expect(listItems({ offset: CATALOG_SIZE + 10, limit: 5 }).items).toEqual([]);
  });

  it('filters by name, case-insensitively, and counts all matches', () => {
    const all = listItems({ offset: 0, limit: 200, q: 'Bamboo' });
    expect(all.total).toBeGreaterThan(200);
    expect(all.items).toHaveLength(200);
    expect(all.items.every((item) => item.name.includes('Bamboo'))).toBe(true);
    const second = listItems({ offset: 200, limit: 10, q: 'bamboo' });
    expect(second.items[0]?.id).toBeGreaterThan(all.items[199]?.id ?? 0);
    expect(listItems({ offset: 0, limit: 10, q: 'no such thing' })).toMatchObject({ items: [], total: 0 });
  });
});
