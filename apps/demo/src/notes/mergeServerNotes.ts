import type { ServerNote } from '../catalog/types';
import type { LocalNote } from './types';

export interface MergePlan {
  put: LocalNote[];
  remove: string[];
}

/**
 * Reconciles this device's notes of one item with the server's list (last writer wins by server time):
 * - a change still pending or refused on this device stays as it is until it is sent or discarded;
 * - a newer server version replaces a synced local copy, flagged `replacedAt` when its text differed,
 *   so the user sees that their copy was replaced;
 * - a synced note missing from the list was deleted elsewhere, but only if the list is newer than our
 *   copy (`listedAt`): a cached list may predate a note this device created a moment ago.
 */
export function mergeServerNotes(local: LocalNote[], server: ServerNote[], listedAt: number, now: number): MergePlan {
  const plan: MergePlan = { put: [], remove: [] };
  const localById = new Map(local.map((note) => [note.id, note]));
  const serverIds = new Set<string>();
  for (const remote of server) {
    serverIds.add(remote.id);
    const mine = localById.get(remote.id);
    const serverCopy: LocalNote = { ...remote, status: 'synced', deleted: false };
    if (!mine) {
      plan.put.push(serverCopy);
    } else if (mine.status === 'synced' && (mine.version === null || remote.version > mine.version)) {
      const replaced = mine.version !== null && mine.text !== remote.text;
      plan.put.push(replaced ? { ...serverCopy, replacedAt: now } : serverCopy);
    }
  }
  for (const mine of local) {
    if (serverIds.has(mine.id) || mine.status !== 'synced' || mine.version === null) continue;
    if (mine.updatedAt < listedAt) plan.remove.push(mine.id);
  }
  return plan;
}

/** The notes to show: not deleted, newest first. */
export function visibleNotes(notes: LocalNote[]): LocalNote[] {
  return notes.filter((note) => !note.deleted).sort((a, b) => b.updatedAt - a.updatedAt);
}
