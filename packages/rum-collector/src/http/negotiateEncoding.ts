/** A content coding the collector answers with. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/**
 * The coding to answer with, from an Accept-Encoding header (RFC 9110 §12.5.3): the highest q-value among br and
 * gzip (`*` stands for any coding not named), brotli on a tie; identity when neither is acceptable.
 */
export function negotiateEncoding(header: string | undefined): ContentCoding {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((token) => token.trim().toLowerCase());
    const weight = params.find((param) => param.startsWith('q='));
    const value = weight === undefined ? 1 : Number(weight.slice(2));
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weightOf = (coding: string) => q.get(coding) ?? q.get('*') ?? 0;
  const [br, gzip] = [weightOf('br'), weightOf('gzip')];
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : 'identity';
}
