import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
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

/**
 * `node start.js` as it runs in a container: PID 1 of its own pid namespace. `--kill-child` takes the server down
 * with unshare, so a failed test leaves no process behind; `--map-root-user` lets a non-root user make the namespace.
 */
function pid1Command(): string[] {
  const asRoot = process.getuid?.() === 0;
  return [
    'unshare',
    ...(asRoot ? [] : ['--map-root-user']),
    '--pid',
    '--fork',
    '--kill-child',
    '--mount-proc',
    process.execPath,
    startScript,
  ];
}

/** Starts `node start.js` and resolves with its printed URL; rejects with its output if it exits first. */
function start(dataDir: string, { asPid1 = false } = {}): Promise<{ child: ChildProcess; url: string }> {
  const [command, ...args] = asPid1 ? pid1Command() : [process.execPath, startScript];
  const child = spawn(command!, args, {
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

/** The server that unshare forked: its pid as seen from here, and as it sees itself. */
async function serverInNamespace(unshare: ChildProcess): Promise<{ pid: number; pidInside: number }> {
  const pid = Number((await readFile(`/proc/${unshare.pid}/task/${unshare.pid}/children`, 'utf8')).trim());
  // NSpid lists the pid in each namespace, outermost first.
  const nspid = /^NSpid:\s+(.*)$/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1]?.split(/\s+/) ?? [];
  return { pid, pidInside: Number(nspid.at(-1)) };
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
    // A clean stop releases the data directory, and says so in its LOCK file (which stays, empty).
    expect(await readFile(join(dataDir, 'LOCK'), 'utf8')).toBe('');
    const third = await start(dataDir);
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 30_000);

  // Issue 13: the pid-file lock took the restarted server's own pid (1 again) for a live owner, and refused forever.
  it('restarts as PID 1 of a container after kill -9, with every acknowledged note', async () => {
    const dataDir = join(temp.path, 'data-pid1');
    const first = await start(dataDir, { asPid1: true });
    const server = await serverInNamespace(first.child);
    expect(server.pidInside).toBe(1);
    const writes = Array.from({ length: 20 }, (_, index) => ({
      noteId: `pid1-${index}-note`,
      key: `pid1-${index}-key`,
      body: { itemId: 4, text: `note ${index}`, baseVersion: null },
    }));
    const acknowledged = await Promise.all(
      writes.map(({ noteId, key, body }) => writeNote(first.url, 'PUT', noteId, key, body)),
    );
    expect(acknowledged.map((response) => response.status)).toEqual(writes.map(() => 200));
    process.kill(server.pid, 'SIGKILL');
    await exited(first.child);
    // What the dead server left: the pid that the restarted one will have too.
    expect(await readFile(join(dataDir, 'LOCK'), 'utf8')).toMatch(/^(pid )?1\b/);

    const second = await start(dataDir, { asPid1: true });
    const restarted = await serverInNamespace(second.child);
    expect(restarted.pidInside).toBe(1);
    const { notes } = (await rawRequest(second.url, '/api/items/4/notes')).json<{ notes: { id: string }[] }>();
    expect(notes.map((note) => note.id).sort()).toEqual(writes.map((write) => write.noteId).sort());
    expect((await rawRequest(second.url, '/')).status).toBe(200);
    // As a container runtime stops it: SIGTERM to PID 1 (unshare itself passes no signal on).
    process.kill(restarted.pid, 'SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 30_000);

  it('refuses a second live server on the same data directory, with a clear message, and the first keeps serving', async () => {
    const dataDir = join(temp.path, 'data-twice');
    const first = await start(dataDir, { asPid1: true });
    // The second is PID 1 of its own namespace too: a pid cannot tell the two apart, the kernel's lock can.
    await expect(start(dataDir, { asPid1: true })).rejects.toThrow(
      `server exited with 1: Pronto demo could not start: ${dataDir} is in use by another running server (pid 1 on `,
    );
    await expect(start(dataDir)).rejects.toThrow(
      /Stop that server first: the lock on .*LOCK is released by the operating system as soon as that process exits\./,
    );
    const written = await writeNote(first.url, 'PUT', 'twice-note', 'twice-key', {
      itemId: 5,
      text: 'still here',
      baseVersion: null,
    });
    expect(written.status).toBe(200);
    process.kill((await serverInNamespace(first.child)).pid, 'SIGTERM');
    expect(await exited(first.child)).toBe(0);
  }, 30_000);
});
