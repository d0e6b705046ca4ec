/** The Background Sync tag under which the page asks the service worker to send the notes outbox. */
export const SYNC_TAG = 'pronto-notes-outbox';
