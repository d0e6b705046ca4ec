import { describe, expect, it } from 'vitest';
import { routeShells } from './routeShells.js';

const json = JSON.stringify({
  routes: [
    { path: '/', shell: 'shells/route-0.html', files: ['assets/CatalogPage-a1.js'] },
    { path: '/items/:id', shell: 'shells/route-1.html', files: ['assets/ItemPage-c3.js'] },
  ],
});

describe('routeShells', () => {
  const shellFor = routeShells(json);

  it('finds the shell of the route a URL renders', () => {
    expect(shellFor('/')).toBe('shells/route-0.html');
    expect(shellFor('/items/42')).toBe('shells/route-1.html');
    expect(shellFor('/items/42/')).toBe('shells/route-1.html');
  });

  it('has none for other URLs', () => {
    expect(shellFor('/items')).toBeUndefined();
    expect(shellFor('/items/42/notes')).toBeUndefined();
    expect(shellFor('/about')).toBeUndefined();
  });

  it('treats a broken or hostile file as no shells instead of failing the page', () => {
    expect(routeShells('{not json')('/')).toBeUndefined();
    expect(
      routeShells(JSON.stringify({ routes: [{ path: '/', shell: '../../etc/passwd.html' }] }))('/'),
    ).toBeUndefined();
    expect(routeShells(JSON.stringify({ routes: [{ path: '/', shell: '/abs.html' }] }))('/')).toBeUndefined();
    expect(routeShells(JSON.stringify({ routes: [{ path: 5, shell: 'a.html' }] }))('/')).toBeUndefined();
  });
});
