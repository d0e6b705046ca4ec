/**
 * Deletes the outbox database, as clearing site data would. The client's open connection gets a
 * `versionchange`, lets go and reconnects at its next use, so each test starts from an empty outbox.
 */
export function deleteOutbox(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('pronto-rum');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
