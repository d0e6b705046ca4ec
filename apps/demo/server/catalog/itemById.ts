import { createRandom, pick, seedFor } from './createRandom.js';
import { CATALOG_SIZE, type Item } from './Item.js';

// Each category brings its own nouns and price range, so that names, categories and prices agree.
const CATEGORIES: readonly { name: string; nouns: readonly string[]; minCents: number; maxCents: number }[] = [
  {
    name: 'Kitchen',
    nouns: ['Kettle', 'Skillet', 'Knife Set', 'Teapot', 'Grinder', 'Mixing Bowl'],
    minCents: 900,
    maxCents: 24_900,
  },
  {
    name: 'Lighting',
    nouns: ['Desk Lamp', 'Pendant', 'Lantern', 'Floor Lamp', 'Night Light'],
    minCents: 1_900,
    maxCents: 39_900,
  },
  {
    name: 'Office',
    nouns: ['Notebook', 'Desk Organizer', 'Monitor Stand', 'Pen Case', 'Planner'],
    minCents: 500,
    maxCents: 14_900,
  },
  {
    name: 'Audio',
    nouns: ['Headphones', 'Speaker', 'Turntable', 'Earbuds', 'Radio'],
    minCents: 2_900,
    maxCents: 59_900,
  },
  {
    name: 'Outdoors',
    nouns: ['Backpack', 'Tent', 'Water Bottle', 'Camp Stove', 'Hammock'],
    minCents: 1_500,
    maxCents: 49_900,
  },
  {
    name: 'Fitness',
    nouns: ['Yoga Mat', 'Kettlebell', 'Jump Rope', 'Foam Roller', 'Resistance Band'],
    minCents: 900,
    maxCents: 19_900,
  },
  {
    name: 'Home',
    nouns: ['Throw Blanket', 'Vase', 'Wall Clock', 'Cushion', 'Mirror', 'Rug'],
    minCents: 1_200,
    maxCents: 29_900,
  },
  {
    name: 'Travel',
    nouns: ['Carry-On', 'Duffel', 'Passport Wallet', 'Packing Cubes', 'Neck Pillow'],
    minCents: 1_500,
    maxCents: 34_900,
  },
  {
    name: 'Garden',
    nouns: ['Planter', 'Watering Can', 'Pruner', 'Bird Feeder', 'Seed Kit'],
    minCents: 700,
    maxCents: 12_900,
  },
  {
    name: 'Toys',
    nouns: ['Puzzle', 'Building Set', 'Kite', 'Plush Bear', 'Board Game'],
    minCents: 800,
    maxCents: 9_900,
  },
];
const ADJECTIVES = [
  'Classic',
  'Compact',
  'Rustic',
  'Modern',
  'Ergonomic',
  'Handmade',
  'Lightweight',
  'Sturdy',
  'Minimal',
  'Vintage',
  'Deluxe',
  'Portable',
  'Nordic',
  'Everyday',
  'Premium',
  'Foldable',
  'Quiet',
  'Bold',
  'Soft',
  'Smart',
] as const;
const MATERIALS = [
  'Oak',
  'Bamboo',
  'Steel',
  'Ceramic',
  'Linen',
  'Walnut',
  'Copper',
  'Cotton',
  'Glass',
  'Wool',
  'Cork',
  'Brass',
  'Leather',
  'Granite',
  'Aluminium',
  'Rattan',
] as const;
const FEATURES = [
  'built to last for years',
  'easy to clean',
  'designed for small spaces',
  'finished by hand',
  'tested in everyday use',
  'with a lifetime warranty',
  'made from responsibly sourced parts',
  'packed without plastic',
] as const;
const CLOSINGS = [
  'A favourite of our customers.',
  'Pairs well with the rest of the range.',
  'Ships in two business days.',
  'Makes a thoughtful gift.',
  'Our best value in its class.',
  'Designed in our own studio.',
] as const;

// Independent stream from the image's, so that changing one never reshuffles the other.
const ITEM_SALT = 0x1e3d_5a7b;

/**
 * The catalog item with this id, rebuilt from the id alone (same id, same item, on every machine), or
 * `undefined` when the id is not an integer from 1 to {@link CATALOG_SIZE}.
 */
export function itemById(id: number): Item | undefined {
  if (!Number.isInteger(id) || id < 1 || id > CATALOG_SIZE) return undefined;
  const random = createRandom(seedFor(id, ITEM_SALT));
  const category = pick(random, CATEGORIES);
  const adjective = pick(random, ADJECTIVES);
  const material = pick(random, MATERIALS);
  const noun = pick(random, category.nouns);
  const dollars = Math.floor((category.minCents + random() * (category.maxCents - category.minCents)) / 100);
  // Shop prices end in .99 or .49 more often than not.
  const price = dollars * 100 + pick(random, [99, 99, 49, 0]);
  // Skewed towards good ratings, as real catalogs are.
  const rating = Math.round((5 - 5 * random() ** 3) * 10) / 10;
  const description = `${adjective} ${noun.toLowerCase()} in ${material.toLowerCase()}, ${pick(random, FEATURES)}. ${pick(random, CLOSINGS)}`;
  return {
    id,
    name: `${adjective} ${material} ${noun}`,
    category: category.name,
    price,
    rating,
    description,
    color: colorOf(random),
    image: `/api/images/${id}`,
  };
}

/** A saturated, mid-light colour: readable under white text and never muddy. */
function colorOf(random: () => number): string {
  const hue = random() * 360;
  const saturation = 0.45 + random() * 0.3;
  const lightness = 0.42 + random() * 0.16;
  return hslToHex(hue, saturation, lightness);
}

/** HSL (degrees, 0..1, 0..1) to `#rrggbb`. */
export function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (n: number): string => {
    const k = (n + hue / 30) % 12;
    const value = lightness - (chroma / 2) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
