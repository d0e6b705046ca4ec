/** POSTs a body to a URL and returns status, headers and parsed JSON body (if any). */
export async function post(
  url: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' },
): Promise<{ status: number; headers: Headers; json: { error?: string } | null }> {
  const res = await fetch(url, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}
