import { Ajv, type ErrorObject } from 'ajv';
import type { Beacon } from './beacon.js';
import { beaconSchema } from './beaconSchema.js';

/** Outcome of validating one parsed beacon. */
export type ValidationResult = { ok: true; beacon: Beacon } | { ok: false; error: string };

// strictNumbers: JSON.parse turns 1e400 into Infinity, which plain `type: number` would accept.
const ajv = new Ajv({ strictNumbers: true, allowUnionTypes: true, discriminator: true, allErrors: false });
const validate = ajv.compile<Beacon>(beaconSchema);

/** Checks a parsed JSON value against beacon wire format v1; the error names the field and the rule. */
export function validateBeacon(value: unknown): ValidationResult {
  if (validate(value)) return { ok: true, beacon: value };
  return { ok: false, error: describe(validate.errors?.[0]) };
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'invalid beacon';
  const at = error.instancePath === '' ? 'beacon' : error.instancePath;
  if (error.keyword === 'additionalProperties') {
    return `${at} has unknown field "${String(error.params['additionalProperty'])}"`;
  }
  if (error.keyword === 'enum') {
    return `${at} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `${at} ${error.message ?? 'is invalid'}`;
}
