/** An error that maps to one HTTP status; its message is safe to show to the client. */
export class HttpError extends Error {
  constructor(
    /** The HTTP status, 4xx for the client's mistakes. */
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. `Allow` on a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
