// Runs the compiled collector in its own process so a test can SIGKILL it mid-write.
import { createCollectorServer } from '../../dist/index.js';

const server = await createCollectorServer({ port: 0, dataDir: process.argv[2], rateLimit: false });
process.stdout.write(`READY ${server.port}\n`);
