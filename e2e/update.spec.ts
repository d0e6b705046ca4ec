import { expect, nextDemoDist, test } from './support/demoServer';
import { waitForServiceWorkerControl } from './support/serviceWorker';

test('a deploy while the page is open shows the update prompt; accepting reloads into the new version', async ({
  page,
  demo,
}) => {
  await page.goto(demo.url);
  await waitForServiceWorkerControl(page);
  const oldBuild = await page.getByTestId('build-id').textContent();

  demo.setDistDir(nextDemoDist);
  // What the app's periodic check does, triggered now instead of in an hour.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const prompt = page.getByRole('status').filter({ hasText: 'A new version is available.' });
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  // Until the user accepts, the old version keeps running (no mix of chunks).
  await expect(page.getByTestId('build-id')).toHaveText(oldBuild ?? '');

  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByTestId('build-id')).not.toHaveText(oldBuild ?? '');
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});

test('a change in flight during an update survives the new service worker and is applied once', async ({
  page,
  demo,
}) => {
  await page.goto(`${demo.url}items/7`);
  await waitForServiceWorkerControl(page);
  // Hold every note write at the server until the update is done: the change is in flight while the worker changes.
  const held: { release?: () => void } = {};
  const gate = new Promise<void>((resolve) => {
    held.release = resolve;
  });
  demo.intercept(async (req) => {
    if (req.method === 'PUT') await gate;
    return false;
  });
  await page.getByLabel('New note').fill('kept across the update');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Pending: will be sent when online')).toBeVisible();
  await expect.poll(() => demo.requests.filter((request) => request.startsWith('PUT ')).length).toBeGreaterThan(0);

  demo.setDistDir(nextDemoDist);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const prompt = page.getByRole('status').filter({ hasText: 'A new version is available.' });
  const reloaded = page.waitForEvent('load');
  await prompt.getByRole('button', { name: 'Reload' }).click();
  // The held request reaches the server now (the old worker cannot hand over while it is still sending); its
  // answer may go to a page that is gone, so the new page replays the same idempotency key and must get the
  // stored answer instead of a second write.
  held.release?.();
  demo.intercept(null);
  await reloaded;
  await expect(page.getByText('kept across the update')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'kept across the update' }).getByText('Saved')).toBeVisible(
    { timeout: 20_000 },
  );
  const notes = (
    (await (await fetch(`${demo.url}api/items/7/notes`)).json()) as { notes: { text: string; version: number }[] }
  ).notes;
  expect(notes).toEqual([expect.objectContaining({ text: 'kept across the update', version: 1 })]);
});
