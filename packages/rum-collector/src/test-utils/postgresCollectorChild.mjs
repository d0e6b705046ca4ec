// Runs the compiled collector on a shared PostgreSQL in its own process, so a test can run several and SIGKILL one.
// argv: <connection string>
import { createCollectorServer, createPostgresStorage } from '../../dist/index.js';

const storage = await createPostgresStorage({ connectionString: process.argv[2] });
const server = await createCollectorServer({ port: 0, storage, rateLimit: false, dashboard: false });
process.stdout.write(`READY ${server.port}\n`);
