import { useState, type FormEvent } from 'react';
import { MAX_NOTE_LENGTH } from './editNotes';
import type { LocalNote } from './types';
import { useItemNotes } from './useItemNotes';

const STATUS_LABEL: Record<LocalNote['status'], string> = {
  synced: 'Saved',
  pending: 'Pending: will be sent when online',
  rejected: 'Not accepted by the server',
};

/** The user's notes on one item: saved on the device first, sent when the network allows. */
export function NotesPanel({ itemId }: { itemId: number }) {
  const { notes, offline, save, remove, discard, dismissReplaced } = useItemNotes(itemId);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(event: FormEvent, text: string, noteId?: string) {
    event.preventDefault();
    try {
      await save(text, noteId);
      setFormError(null);
      if (noteId) setEditing(null);
      else setDraft('');
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section className="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Your notes</h2>
      {offline && <p className="hint">Showing notes saved on this device.</p>}
      <form onSubmit={(event) => void submit(event, draft)} className="note-form">
        <label htmlFor="new-note">New note</label>
        <textarea
          id="new-note"
          value={draft}
          maxLength={MAX_NOTE_LENGTH}
          onChange={(event) => setDraft(event.target.value)}
          rows={3}
        />
        <button type="submit" className="button primary">
          Add note
        </button>
      </form>
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <ul className="note-list" aria-label="Notes">
        {notes.map((note) => (
          <li key={note.id} className="note" data-status={note.status}>
            {editing?.id === note.id ? (
              <form onSubmit={(event) => void submit(event, editing.text, note.id)} className="note-form">
                <label htmlFor={`edit-${note.id}`}>Edit note</label>
                <textarea
                  id={`edit-${note.id}`}
                  value={editing.text}
                  maxLength={MAX_NOTE_LENGTH}
                  onChange={(event) => setEditing({ id: note.id, text: event.target.value })}
                  rows={3}
                />
                <button type="submit" className="button primary">
                  Save
                </button>
                <button type="button" className="button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <p className="note-text">{note.text}</p>
            )}
            <p className="note-status">{STATUS_LABEL[note.status]}</p>
            {note.status === 'rejected' && (
              <p className="error" role="alert">
                {note.error}{' '}
                <button type="button" className="button" onClick={() => void discard(note)}>
                  Discard my change
                </button>
              </p>
            )}
            {note.replacedAt !== undefined && (
              <p className="notice" role="status">
                This note was changed on another device; your copy was replaced.{' '}
                <button type="button" className="button" onClick={() => void dismissReplaced(note)}>
                  OK
                </button>
              </p>
            )}
            {editing?.id !== note.id && (
              <div className="note-actions">
                <button type="button" className="button" onClick={() => setEditing({ id: note.id, text: note.text })}>
                  Edit
                </button>
                <button type="button" className="button" onClick={() => void remove(note)}>
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
