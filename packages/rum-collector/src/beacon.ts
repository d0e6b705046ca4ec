import type { beaconSchema } from './beaconSchema.js';

/*
 * The wire types are derived from `beaconSchema`, so the schema the collector validates against and
 * the types its code (and @pronto/rum's contract test) compiles against cannot drift apart.
 */

/** JSON Schema `type` names and the TypeScript types they admit. */
interface SchemaTypes {
  string: string;
  number: number;
  integer: number;
  boolean: boolean;
  null: null;
}

/** Spells an intersection of object types as one object type (readable hovers, stable comparisons). */
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** An object schema's `properties`: those listed in `required` are required, the others optional. */
type ObjectFrom<P, R> = Flat<
  { -readonly [K in keyof P & R]: FromSchema<P[K]> } & { -readonly [K in Exclude<keyof P, R>]?: FromSchema<P[K]> }
>;

/**
 * The TypeScript type of the values a JSON schema (declared `as const`) accepts, for the keywords
 * `beaconSchema` uses: const, enum, oneOf, type (one or a list), items, properties, required and
 * additionalProperties (a schema there makes a record; `properties` beside it only refine it).
 * @internal
 */
export type FromSchema<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { oneOf: readonly (infer O)[] }
      ? O extends unknown
        ? FromSchema<O>
        : never
      : S extends { items: infer I }
        ? FromSchema<I>[]
        : S extends { additionalProperties: infer A extends { type: unknown } }
          ? Record<string, FromSchema<A>>
          : S extends { properties: infer P }
            ? ObjectFrom<P, S extends { required: readonly (infer R)[] } ? R : never>
            : S extends { type: readonly (infer T extends keyof SchemaTypes)[] }
              ? SchemaTypes[T]
              : S extends { type: infer T extends keyof SchemaTypes }
                ? SchemaTypes[T]
                : unknown;

/** A validated beacon, exactly as @pronto/rum sends it (wire format v1). */
export type Beacon = FromSchema<typeof beaconSchema>;

/** Page-view context sent with every beacon (wire format v1). */
export type BeaconContext = Beacon['context'];

/** Any event a beacon can carry. */
export type BeaconEvent = Beacon['events'][number];

/** One web-vitals report (wire format v1). */
export type VitalEvent = Extract<BeaconEvent, { type: 'vital' }>;

/** A custom timing reported by the app (wire format v1). */
export type CustomEvent = Extract<BeaconEvent, { type: 'custom' }>;

/** Core Web Vitals and friends that a beacon can carry. */
export type VitalName = VitalEvent['name'];

/** How the page view (or soft navigation) a metric belongs to started; web-vitals' `navigationType`. */
export type NavigationType = VitalEvent['navigationType'];

/** Device classes a client reports. */
export type DeviceClass = BeaconContext['deviceClass'];

/** Network Information API `effectiveType`, or "unknown". */
export type EffectiveType = NonNullable<BeaconContext['effectiveType']>;

/** web-vitals rating of a single sample. */
export type Rating = VitalEvent['rating'];

/** Every vital name, in display order. */
export const VITAL_NAMES: readonly VitalName[] = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];
