/**
 * Turns a web-vitals attribution object into the flat wire shape: string and finite number values
 * only (entries and elements are skipped), at most 20 keys. The element selector of each metric
 * (`target`, `interactionTarget`, `largestShiftTarget`) becomes `target`; URLs lose query and hash.
 * @internal
 */
export function flattenAttribution(attribution: object | undefined): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  let n = 0;
  for (const [key, value] of Object.entries(attribution ?? {})) {
    if (n > 19) break;
    if (typeof value == 'string') {
      out[/target$/i.test(key) ? 'target' : key] = (/url$/i.test(key) ? value.replace(/[?#].*/, '') : value).slice(
        0,
        512,
      );
      n++;
    } else if (typeof value == 'number' && Number.isFinite(value)) {
      out[key] = value;
      n++;
    }
  }
  return n ? out : undefined;
}
