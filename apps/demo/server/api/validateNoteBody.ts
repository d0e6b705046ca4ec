import { HttpError } from '../http/HttpError.js';

/** The body of `PUT /api/notes/:noteId`. */
export interface NoteBody {
  itemId: number;
  text: string;
  /** The note version the client edited; null for a note it believes new. */
  baseVersion: number | null;
}

/** Checks a parsed PUT body; a 400 names the first wrong field. Unknown fields are ignored. */
export function validateNoteBody(value: unknown, maxLength: number): NoteBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'Body must be a JSON object { itemId, text, baseVersion }');
  }
  const { itemId, text, baseVersion } = value as Record<string, unknown>;
  if (itemId === undefined) throw new HttpError(400, 'itemId is required');
  if (typeof itemId !== 'number' || !Number.isSafeInteger(itemId))
    throw new HttpError(400, 'itemId must be an integer');
  if (text === undefined) throw new HttpError(400, 'text is required');
  if (typeof text !== 'string') throw new HttpError(400, 'text must be a string');
  // Characters as people count them (code points), not UTF-16 units: an emoji is one.
  let length = 0;
  for (const _ of text)
    if (++length > maxLength) throw new HttpError(400, `text must be at most ${maxLength} characters`);
  if (baseVersion === undefined)
    throw new HttpError(400, 'baseVersion is required (a version number, or null for a new note)');
  if (
    baseVersion !== null &&
    (typeof baseVersion !== 'number' || !Number.isSafeInteger(baseVersion) || baseVersion < 0)
  ) {
    throw new HttpError(400, 'baseVersion must be a non-negative integer or null');
  }
  return { itemId, text, baseVersion };
}
