import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoStack } from './createDemoStack.js';

// Defaults resolve from this file (apps/demo/dist-server/start.js once built), so `npm start` works from any cwd.
const distDir = process.env.DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL('../../../.data/demo', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(1);
}
if (!existsSync(join(distDir, 'index.html'))) {
  console.warn(`No build in ${distDir}: run \`npm run build\` first (the API works without it).`);
}

const stack = await createDemoStack({ distDir, dataDir, port, host }).catch((error: unknown) => {
  // A refused start (directory in use, port taken, damaged log) is the operator's to fix: the message, not a trace.
  console.error(`Pronto demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const { server } = stack;

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl+C means "now".
    if (stopping) process.exit(1);
    stopping = true;
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

// Announced only once the signals are handled: a supervisor may send SIGTERM as soon as it reads this line.
console.log(`Pronto demo running at ${server.url}`);
console.log(`Field data (RUM dashboard) at ${server.url}rum/  ·  Prometheus metrics at ${server.url}metrics`);
