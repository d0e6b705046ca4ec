/** Longest accepted beacon body in bytes (wire format v1). */
export const MAX_BEACON_BYTES = 65_536;

const epochMs = { type: 'number', minimum: 0, maximum: 8.64e15 } as const;
const route = { type: 'string', minLength: 1, maxLength: 256 } as const;

/**
 * JSON Schema (draft-07, as Ajv reads it) of beacon wire format v1. Strict on purpose: unknown fields are
 * rejected so that a client bug shows up as a 400 instead of silently lost data.
 */
export const beaconSchema = {
  $id: 'https://pronto.dev/schemas/rum-beacon-v1.json',
  type: 'object',
  additionalProperties: false,
  required: ['v', 'pageViewId', 'seq', 'sentAt', 'context', 'events'],
  properties: {
    v: { const: 1 },
    pageViewId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    seq: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    sentAt: epochMs,
    dropped: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
    context: {
      type: 'object',
      additionalProperties: false,
      required: ['route', 'deviceClass'],
      properties: {
        route,
        appVersion: { type: 'string', maxLength: 64 },
        deviceClass: { enum: ['mobile', 'tablet', 'desktop'] },
        effectiveType: { enum: ['slow-2g', '2g', '3g', '4g', 'unknown'] },
        deviceMemory: { type: ['number', 'null'], minimum: 0, maximum: 1_000_000 },
        saveData: { type: 'boolean' },
      },
    },
    events: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        required: ['type'],
        discriminator: { propertyName: 'type' },
        oneOf: [
          {
            additionalProperties: false,
            required: ['type', 'name', 'id', 'value', 'delta', 'rating', 'navigationType', 'route', 't'],
            properties: {
              type: { const: 'vital' },
              name: { enum: ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] },
              id: { type: 'string', minLength: 1, maxLength: 128 },
              value: { type: 'number', minimum: 0 },
              delta: { type: 'number' },
              rating: { enum: ['good', 'needs-improvement', 'poor'] },
              navigationType: {
                enum: [
                  'navigate',
                  'reload',
                  'back-forward',
                  'back-forward-cache',
                  'prerender',
                  'restore',
                  'soft-navigation',
                ],
              },
              navigationURL: { type: 'string', maxLength: 2048 },
              route,
              t: epochMs,
              attribution: {
                type: 'object',
                maxProperties: 20,
                propertyNames: { maxLength: 64 },
                additionalProperties: { type: ['string', 'number'], maxLength: 512 },
                properties: { target: { type: 'string', maxLength: 512 } },
              },
            },
          },
          {
            additionalProperties: false,
            required: ['type', 'name', 'value', 'route', 't'],
            properties: {
              type: { const: 'custom' },
              name: { type: 'string', minLength: 1, maxLength: 64 },
              value: { type: 'number' },
              route,
              t: epochMs,
            },
          },
        ],
      },
    },
  },
} as const;
