import type { Page } from '@playwright/test';
import { expect, test, type DemoFixture } from './support/demoServer';
import { dispatchSync, waitForServiceWorkerControl } from './support/serviceWorker';

const ITEM = 42;
const SYNC_TAG = 'pronto-notes-outbox';
/** The Web Lock the demo's src/notes/flushOutbox.ts holds while it sends the outbox. */
const OUTBOX_LOCK = 'pronto-notes-outbox';

async function serverNotes(demo: DemoFixture): Promise<{ text: string; version: number }[]> {
  const response = await fetch(`${demo.url}api/items/${ITEM}/notes`);
  return ((await response.json()) as { notes: { text: string; version: number }[] }).notes;
}

async function addNote(page: Page, text: string): Promise<void> {
  await page.getByLabel('New note').fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: text })).toBeVisible();
}

const notePuts = (demo: DemoFixture) => demo.requests.filter((request) => request.startsWith('PUT /api/notes/'));

test('a note written offline is shown pending, then reaches the server exactly once when online', async ({
  page,
  context,
  demo,
}) => {
  await page.goto(`${demo.url}items/${ITEM}`);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);

  await addNote(page, 'written offline');
  const note = page.getByRole('listitem').filter({ hasText: 'written offline' });
  await expect(note.getByText('Pending: will be sent when online')).toBeVisible();
  // Durable before shown: a reload while offline still has it.
  await page.reload();
  await expect(note.getByText('Pending: will be sent when online')).toBeVisible();

  await context.setOffline(false);
  await expect(note.getByText('Saved')).toBeVisible();
  await expect
    .poll(() => serverNotes(demo))
    .toEqual([expect.objectContaining({ text: 'written offline', version: 1 })]);
});

test('without a service worker, a note written offline survives closing the tab and is sent on the next visit', async ({
  browser,
  demo,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${demo.url}items/${ITEM}`);
  await expect(page.getByRole('heading', { name: 'Your notes' })).toBeVisible();
  await context.setOffline(true);
  await addNote(page, 'closed while offline');
  await page.close();

  await context.setOffline(false);
  expect(await serverNotes(demo)).toEqual([]);
  const next = await context.newPage();
  await next.goto(`${demo.url}items/${ITEM}`);
  await expect
    .poll(() => serverNotes(demo))
    .toEqual([expect.objectContaining({ text: 'closed while offline', version: 1 })]);
  await expect(next.getByRole('listitem').filter({ hasText: 'closed while offline' }).getByText('Saved')).toBeVisible();
  await context.close();
});

test('Background Sync sends the outbox with no page open, retrying a 5xx with the same idempotency key', async ({
  page,
  context,
  demo,
}) => {
  await page.goto(`${demo.url}items/${ITEM}`);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await addNote(page, 'sent by the worker');
  await page.close();

  // The first write fails with 503; the worker must back off and retry, not drop or duplicate it.
  let failed = false;
  demo.intercept((req, res) => {
    if (req.method !== 'PUT' || failed) return false;
    failed = true;
    res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"maintenance"}');
    return true;
  });
  const blank = await context.newPage();
  await context.setOffline(false);
  await dispatchSync(blank, new URL(demo.url).origin, SYNC_TAG);

  await expect
    .poll(() => serverNotes(demo), { timeout: 20_000 })
    .toEqual([expect.objectContaining({ text: 'sent by the worker', version: 1 })]);
  expect(failed).toBe(true);
  // The refused attempt and its replay: the same request, with the same key, applied once (version 1 above).
  const puts = demo.writes.filter((write) => write.method === 'PUT');
  expect(puts.length).toBeGreaterThanOrEqual(2);
  expect(new Set(puts.map((put) => put.path)).size).toBe(1);
  expect(puts[0]?.idempotencyKey).toMatch(/\S{16,}/);
  expect(new Set(puts.map((put) => put.idempotencyKey))).toEqual(new Set([puts[0]?.idempotencyKey]));
});

test('each change carries its own idempotency key, every replay of it the same key, and each is applied once', async ({
  page,
  context,
  demo,
}) => {
  await page.goto(`${demo.url}items/${ITEM}`);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await addNote(page, 'first change');
  await addNote(page, 'second change');

  // The first attempt of each change gets a 503 (the answer lost, as far as the client knows); the replays pass.
  const refusedOnce = new Set<string>();
  demo.intercept((req, res) => {
    if (req.method !== 'PUT' || refusedOnce.has(req.url ?? '')) return false;
    refusedOnce.add(req.url ?? '');
    res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"try again"}');
    return true;
  });
  await context.setOffline(false);
  await expect
    .poll(async () => (await serverNotes(demo)).map((note) => `${note.text} v${note.version}`).sort(), {
      timeout: 20_000,
    })
    .toEqual(['first change v1', 'second change v1']);

  const puts = demo.writes.filter((write) => write.method === 'PUT');
  const keysByNote = new Map<string, Set<string | undefined>>();
  for (const put of puts) keysByNote.set(put.path, (keysByNote.get(put.path) ?? new Set()).add(put.idempotencyKey));
  expect(keysByNote.size).toBe(2);
  // One key per change, kept across its replays; two changes, two keys.
  for (const [path, keys] of keysByNote) {
    expect(keys.size, path).toBe(1);
    expect(puts.filter((put) => put.path === path).length, path).toBeGreaterThanOrEqual(2);
  }
  const [first, second] = [...keysByNote.values()].map((keys) => [...keys][0]);
  expect(first).toBeDefined();
  expect(first).not.toBe(second);
});

test('the page and the service worker flushing at the same moment send each change once (Web Lock)', async ({
  page,
  context,
  demo,
}) => {
  await page.goto(`${demo.url}items/${ITEM}`);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await addNote(page, 'flushed by one of them');

  // Hold the first PUT in the server, so whoever sends first still holds the outbox lock when the other starts.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  demo.intercept(async (req) => {
    if (req.method === 'PUT') await gate;
    return false;
  });
  // Online: the page flushes (its `online` listener) and its PUT is held.
  await context.setOffline(false);
  await expect.poll(() => notePuts(demo).length).toBe(1);
  // Now the service worker flushes too: Background Sync, fired while the page's flush holds the lock.
  const blank = await context.newPage();
  await dispatchSync(blank, new URL(demo.url).origin, SYNC_TAG);
  const lockState = () =>
    page.evaluate(async (name) => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return {
        held: held.filter((lock) => lock.name === name).length,
        pending: pending.filter((lock) => lock.name === name).length,
      };
    }, OUTBOX_LOCK);
  // The worker waits for the lock instead of sending the same change a second time (the browser's own sync on
  // reconnecting may be waiting too).
  await expect.poll(async () => (await lockState()).pending).toBeGreaterThanOrEqual(1);
  expect((await lockState()).held).toBe(1);
  expect(notePuts(demo).length).toBe(1);

  release();
  demo.intercept(null);
  // Both flushes finish: the page's with its answer, the worker's finding an empty outbox.
  await expect.poll(lockState).toEqual({ held: 0, pending: 0 });
  await expect(
    page.getByRole('listitem').filter({ hasText: 'flushed by one of them' }).getByText('Saved'),
  ).toBeVisible();
  expect(notePuts(demo).length).toBe(1);
  expect(await serverNotes(demo)).toEqual([expect.objectContaining({ text: 'flushed by one of them', version: 1 })]);
});

test('a change the server refuses (4xx) is shown to the user and not retried', async ({ page, demo }) => {
  demo.intercept((req, res) => {
    if (req.method !== 'PUT') return false;
    res
      .writeHead(422, { 'Content-Type': 'application/json' })
      .end('{"error":"This note breaks a rule of the server."}');
    return true;
  });
  await page.goto(`${demo.url}items/${ITEM}`);
  await addNote(page, 'refused');
  const note = page.getByRole('listitem').filter({ hasText: 'refused' });
  await expect(note.getByRole('alert')).toContainText('This note breaks a rule of the server.');
  await expect(note.getByText('Not accepted by the server')).toBeVisible();
  const attempts = notePuts(demo).length;
  await page.reload();
  await expect(note.getByText('Not accepted by the server')).toBeVisible();
  expect(notePuts(demo).length).toBe(attempts);

  await note.getByRole('button', { name: 'Discard my change' }).click();
  await expect(note).toHaveCount(0);
});

test('notes written while the server is down arrive once it restarts', async ({ page, demo }) => {
  await page.goto(`${demo.url}items/${ITEM}`);
  await waitForServiceWorkerControl(page);
  await demo.stop();
  await addNote(page, 'during the outage');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'during the outage' }).getByText('Pending: will be sent when online'),
  ).toBeVisible();
  await demo.restart();
  // The page retries on its own backoff timer; a reload is the quickest way a user would trigger it.
  await page.reload();
  await expect
    .poll(() => serverNotes(demo), { timeout: 20_000 })
    .toEqual([expect.objectContaining({ text: 'during the outage', version: 1 })]);
});

test('an edit on another device replaces this copy and the user is told', async ({ page, demo }) => {
  await page.goto(`${demo.url}items/${ITEM}`);
  await addNote(page, 'my version');
  const note = page.getByRole('listitem').filter({ hasText: 'my version' });
  await expect(note.getByText('Saved')).toBeVisible();
  const [stored] = (await (await fetch(`${demo.url}api/items/${ITEM}/notes`)).json()).notes as {
    id: string;
    version: number;
  }[];

  const response = await fetch(`${demo.url}api/notes/${stored?.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'other-device-edit-1' },
    body: JSON.stringify({ itemId: ITEM, text: 'their version', baseVersion: stored?.version }),
  });
  expect(response.status).toBe(200);

  await page.reload();
  const replaced = page.getByRole('listitem').filter({ hasText: 'their version' });
  await expect(replaced.getByText('your copy was replaced')).toBeVisible();
  await expect(page.getByText('my version')).toHaveCount(0);
});
