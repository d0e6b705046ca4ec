// A page opened before a deploy may ask for a lazy chunk the server no longer has. Reloading once gets the
// new index.html and a consistent set of chunks; the flag stops a loop if the chunk is really missing.
const FLAG = 'pronto:reloaded-for-stale-chunk';

export function reloadOnStaleChunk(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (sessionStorage.getItem(FLAG)) return;
    sessionStorage.setItem(FLAG, '1');
    event.preventDefault();
    window.location.reload();
  });
  window.addEventListener('load', () => sessionStorage.removeItem(FLAG));
}
