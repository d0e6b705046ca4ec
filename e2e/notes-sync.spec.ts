import type { Page } from '@playwright/test';
import { expect, test, type DemoFixture } from './support/demoServer';
import { dispatchSync, waitForServiceWorkerControl } from './support/serviceWorker';

const ITEM = 42;
const SYNC_TAG = 'pronto-notes-outbox';

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

test('a note written offline is shown pending, then reaches the server exactly once when online', async ({ page, context, demo }) => {
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
  await expect.poll(() => serverNotes(demo)).toEqual([expect.objectContaining({ text: 'written offline', version: 1 })]);
});

test('without a service worker, a note written offline survives closing the tab and is sent on the next visit', async ({ browser, demo }) => {
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
  await expect.poll(() => serverNotes(demo)).toEqual([expect.objectContaining({ text: 'closed while offline', version: 1 })]);
  await expect(next.getByRole('listitem').filter({ hasText: 'closed while offline' }).getByText('Saved')).toBeVisible();
  await context.close();
});

test('Background Sync sends the outbox with no page open, retrying a 5xx with the same idempotency key', async ({ page, context, demo }) => {
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

  await expect.poll(() => serverNotes(demo), { timeout: 20_000 }).toEqual([expect.objectContaining({ text: 'sent by the worker', version: 1 })]);
  expect(failed).toBe(true);
  const puts = notePuts(demo);
  expect(puts.length).toBeGreaterThanOrEqual(2);
  expect(new Set(puts).size).toBe(1);
});

test('a change the server refuses (4xx) is shown to the user and not retried', async ({ page, demo }) => {
  demo.intercept((req, res) => {
    if (req.method !== 'PUT') return false;
    res.writeHead(422, { 'Content-Type': 'application/json' }).end('{"error":"This note breaks a rule of the server."}');
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
  await expect(page.getByRole('listitem').filter({ hasText: 'during the outage' }).getByText('Pending: will be sent when online')).toBeVisible();
  await demo.restart();
  // The page retries on its own backoff timer; a reload is the quickest way a user would trigger it.
  await page.reload();
  await expect.poll(() => serverNotes(demo), { timeout: 20_000 }).toEqual([expect.objectContaining({ text: 'during the outage', version: 1 })]);
});

test('an edit on another device replaces this copy and the user is told', async ({ page, demo }) => {
  await page.goto(`${demo.url}items/${ITEM}`);
  await addNote(page, 'my version');
  const note = page.getByRole('listitem').filter({ hasText: 'my version' });
  await expect(note.getByText('Saved')).toBeVisible();
  const [stored] = (await (await fetch(`${demo.url}api/items/${ITEM}/notes`)).json()).notes as { id: string; version: number }[];

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
