import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../http/HttpError.js';
import { readBody } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import { publicNote, type NoteStore, type WriteResult } from '../notes/createNoteStore.js';
import { MAX_NOTE_LENGTH, type StoredNote } from '../notes/Note.js';
import { requireItem } from './itemRoutes.js';
import { validateNoteBody } from './validateNoteBody.js';

const NOTE_ID = /^[A-Za-z0-9_-]{8,64}$/;
// Printable ASCII without spaces: what a UUID, a ULID or a base64url id is made of.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

/** `GET /api/items/:id/notes` */
export async function getNotesOfItem(
  req: IncomingMessage,
  res: ServerResponse,
  idSegment: string,
  store: NoteStore,
): Promise<void> {
  const item = requireItem(idSegment);
  await sendJson(req, res, 200, { notes: store.notesOfItem(item.id) }, { cacheControl: 'no-cache' });
}

/** `PUT /api/notes/:noteId`: creates or overwrites a note, once per Idempotency-Key. */
export async function putNote(req: IncomingMessage, res: ServerResponse, noteIdSegment: string, store: NoteStore) {
  const noteId = requireNoteId(noteIdSegment);
  const key = requireIdempotencyKey(req);
  const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new HttpError(415, `Content-Type must be application/json, got "${contentType ?? 'none'}"`);
  }
  const raw = (await readBody(req)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new HttpError(400, `Malformed JSON body: ${(error as Error).message}`);
  }
  const body = validateNoteBody(parsed, MAX_NOTE_LENGTH);
  const item = requireItem(String(body.itemId));
  // The fingerprint covers what the write means, not its bytes: reordered keys or spacing are the same request.
  const fingerprint = fingerprintOf('PUT', noteId, [body.itemId, body.text, body.baseVersion]);

  const result = await store.write(key, fingerprint, noteId, (current, now) => {
    if (current && current.itemId !== item.id) {
      return { status: 409, body: { error: `Note ${noteId} belongs to item ${current.itemId}, not ${item.id}` } };
    }
    // The version the writer saw must be the live one, or someone else's change is being overwritten.
    const liveVersion = current && !current.deleted ? current.version : null;
    const note: StoredNote = {
      id: noteId,
      itemId: item.id,
      text: body.text,
      version: (current?.version ?? 0) + 1,
      // Never backwards, even if the server clock is: "last writer wins" follows arrival order.
      updatedAt: Math.max(now, current?.updatedAt ?? 0),
      deleted: false,
    };
    return { status: 200, body: { note: publicNote(note), replaced: liveVersion !== body.baseVersion }, note };
  });
  await sendWriteResult(req, res, result);
}

/** `DELETE /api/notes/:noteId`: deletes a note, once per Idempotency-Key. */
export async function deleteNote(req: IncomingMessage, res: ServerResponse, noteIdSegment: string, store: NoteStore) {
  const noteId = requireNoteId(noteIdSegment);
  const key = requireIdempotencyKey(req);
  // A DELETE carries no body; read (and drop) whatever was sent so that the connection stays usable.
  await readBody(req);
  const result = await store.write(key, fingerprintOf('DELETE', noteId, []), noteId, (current, now) => {
    if (!current) return { status: 404, body: { error: `Note ${noteId} does not exist` } };
    // Deleting twice (another device got there first) succeeds without another version.
    if (current.deleted) return { status: 200, body: { note: { ...publicNote(current), deleted: true } } };
    const tombstone: StoredNote = {
      ...current,
      version: current.version + 1,
      updatedAt: Math.max(now, current.updatedAt),
      deleted: true,
    };
    return { status: 200, body: { note: { ...publicNote(tombstone), deleted: true } }, note: tombstone };
  });
  await sendWriteResult(req, res, result);
}

async function sendWriteResult(req: IncomingMessage, res: ServerResponse, result: WriteResult): Promise<void> {
  if (result.kind === 'mismatch') {
    throw new HttpError(422, 'This Idempotency-Key was already used for a different request; use a new key');
  }
  const headers: Record<string, string> = result.kind === 'replayed' ? { 'Idempotency-Replayed': 'true' } : {};
  await sendJson(req, res, result.status, result.body, { headers });
}

function requireNoteId(segment: string): string {
  let noteId: string;
  try {
    noteId = decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'Malformed note id');
  }
  if (!NOTE_ID.test(noteId)) {
    throw new HttpError(400, 'Note id must be 8 to 64 characters of A-Z, a-z, 0-9, "_" or "-"');
  }
  return noteId;
}

function requireIdempotencyKey(req: IncomingMessage): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(400, 'Idempotency-Key header is required: 8 to 128 printable ASCII characters, no spaces');
  }
  return key;
}

function fingerprintOf(method: string, noteId: string, parts: readonly unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([method, noteId, ...parts]))
    .digest('base64url');
}
