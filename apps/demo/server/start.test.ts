import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, writeNote } from './test-support/rawRequest.js';
import { FAKE_DIST, makeTempDir, writeFiles } from './test-support/startTestServer.js';

// The real entry point, compiled as `npm start` runs it, in a child process that can be killed with SIGKILL.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let startScript: string;
let distDir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  temp = await makeTempDir('start');
  await promisify(execFile)(join(repoRoot, 'node_modules/.bin/tsc'), [
    '-p',
    fileURLToPath(new URL('./tsconfig.build.json', import.meta.url)),
    '--outDir',
    join(temp.path, 'out'),
    '--sourceMap',
    'false',
  ]);
  // The compiled server imports sharp: let it resolve from the repository's node_modules.
  await symlink(join(repoRoot, 'node_modules'), join(temp.path, 'node_modules'), 'dir');
  startScript = join(temp.path, 'out', 'start.js');
  distDir = await writeFiles(join(temp.path, 'dist'), FAKE_DIST);
}, 30_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await temp.remove();
});

/** Starts `node start.js` and resolves with its printed URL. */
function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [startScript], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Pronto demo running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('start.js', () => {
  it('keeps every acknowledged write through kill -9, and replays their keys after the restart', async () => {
    const dataDir = join(temp.path, 'data-kill');
    const first = await start(dataDir);
    const writes = Array.from({ length: 20 }, (_, index) => ({
      noteId: `killtest-${index}-note`,
      key: `killtest-${index}-key`,
      body: { itemId: 3, text: `note ${index}`, baseVersion: null },
    }));
    const acknowledged = await Promise.all(
      writes.map(({ noteId, key, body }) => writeNote(first.url, 'PUT', noteId, key, body)),
    );
    expect(acknowledged.map((response) => response.status)).toEqual(writes.map(() => 200));
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await start(dataDir);
    const { notes } = (await rawRequest(second.url, '/api/items/3/notes')).json<{ notes: { id: string }[] }>();
    expect(notes.map((note) => note.id).sort()).toEqual(writes.map((write) => write.noteId).sort());
    const replay = await writeNote(second.url, 'PUT', writes[0]!.noteId, writes[0]!.key, writes[0]!.body);
    expect(replay.headers['idempotency-replayed']).toBe('true');

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    // A clean stop releases the data directory.
    expect(existsSync(join(dataDir, 'notes', 'LOCK'))).toBe(false);
  }, 30_000);
});
