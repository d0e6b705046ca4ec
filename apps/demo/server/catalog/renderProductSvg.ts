import { createRandom, pick, seedFor } from './createRandom.js';
import type { Item } from './Item.js';

// Its own PRNG stream: the picture can change without changing the item's name or price.
const IMAGE_SALT = 0x5bd1_e995;

/**
 * A square product picture for the item as SVG: a gradient around the item's colour (so `item.color` really is
 * the dominant colour), soft background shapes, and one "product" shape with a shadow. Deterministic per id.
 */
export function renderProductSvg(item: Pick<Item, 'id' | 'color'>, size: number): string {
  const random = createRandom(seedFor(item.id, IMAGE_SALT));
  const base = item.color;
  const light = mix(base, '#ffffff', 0.35);
  const dark = mix(base, '#000000', 0.3);
  const angle = Math.floor(random() * 360);

  const decorations: string[] = [];
  const count = 3 + Math.floor(random() * 4);
  for (let index = 0; index < count; index++) {
    const x = (random() * 100).toFixed(1);
    const y = (random() * 100).toFixed(1);
    const r = (8 + random() * 26).toFixed(1);
    const fill = random() < 0.5 ? light : dark;
    const opacity = (0.15 + random() * 0.25).toFixed(2);
    decorations.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" fill-opacity="${opacity}"/>`);
  }

  const accent = mix(complement(base), '#ffffff', 0.15);
  const product = pick(random, [
    `<rect x="28" y="26" width="44" height="50" rx="${(4 + random() * 10).toFixed(1)}" fill="${accent}"/>`,
    `<circle cx="50" cy="50" r="${(20 + random() * 8).toFixed(1)}" fill="${accent}"/>`,
    `<path d="M50 22 L78 74 L22 74 Z" fill="${accent}" stroke="${accent}" stroke-width="6" stroke-linejoin="round"/>`,
    `<ellipse cx="50" cy="52" rx="${(22 + random() * 8).toFixed(1)}" ry="${(14 + random() * 8).toFixed(1)}" fill="${accent}"/>`,
  ]);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">`,
    '<defs>',
    `<linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)">`,
    `<stop offset="0" stop-color="${light}"/><stop offset="0.55" stop-color="${base}"/><stop offset="1" stop-color="${dark}"/>`,
    '</linearGradient>',
    '<radialGradient id="shade" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#000" stop-opacity="0.35"/>',
    '<stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>',
    '</defs>',
    '<rect width="100" height="100" fill="url(#bg)"/>',
    ...decorations,
    '<ellipse cx="50" cy="82" rx="30" ry="6" fill="url(#shade)"/>',
    product,
    '</svg>',
  ].join('');
}

function parseHex(color: string): [number, number, number] {
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** Linear blend of two `#rrggbb` colours; `amount` 0 keeps `from`, 1 gives `to`. */
export function mix(from: string, to: string, amount: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return toHex(a.map((channel, index) => channel + ((b[index] as number) - channel) * amount));
}

function complement(color: string): string {
  return toHex(parseHex(color).map((channel) => 255 - channel));
}
