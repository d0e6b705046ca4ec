import { describe, expectTypeOf, it } from 'vitest';
// Type-only, from the collector's source: its wire types are derived from the JSON schema it
// validates with, so this compares the client's declaration with the schema itself.
import type * as Wire from '../../rum-collector/src/beacon.js';
import type * as Client from './types.js';

/**
 * A value as it travels: JSON.stringify drops properties whose value is undefined, so the client's
 * `x?: T | undefined` and the schema's `x?: T` are the same on the wire.
 */
type Json<T> = T extends readonly (infer I)[]
  ? Json<I>[]
  : T extends object
    ? { [K in keyof T]: Json<Exclude<T[K], undefined>> }
    : T;

// These run as tests and, above all, compile under `npm run test:types`: any disagreement between
// the client's types and the collector's schema is a type error there.
describe('wire contract between @pronto/rum and @pronto/rum-collector', () => {
  it('the beacon the client builds is the beacon the schema accepts', () => {
    expectTypeOf<Json<Client.Beacon>>().toEqualTypeOf<Json<Wire.Beacon>>();
  });

  it('its parts agree one by one (clearer errors when they do not)', () => {
    expectTypeOf<Json<Client.BeaconContext>>().toEqualTypeOf<Json<Wire.BeaconContext>>();
    expectTypeOf<Json<Client.VitalEvent>>().toEqualTypeOf<Json<Wire.VitalEvent>>();
    expectTypeOf<Json<Client.CustomEvent>>().toEqualTypeOf<Json<Wire.CustomEvent>>();
    expectTypeOf<Client.VitalName>().toEqualTypeOf<Wire.VitalName>();
    expectTypeOf<Client.NavigationType>().toEqualTypeOf<Wire.NavigationType>();
  });
});
