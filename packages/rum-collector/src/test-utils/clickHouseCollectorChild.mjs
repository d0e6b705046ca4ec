// Runs the compiled collector on a ClickHouse store in its own process, so a test can SIGKILL it mid-load.
// argv: <ClickHouse HTTP url>
import { createClickHouseStorage, createCollectorServer } from '../../dist/index.js';

const storage = await createClickHouseStorage({ url: process.argv[2], createTables: false });
const server = await createCollectorServer({ port: 0, storage, rateLimit: false, dashboard: false });
process.stdout.write(`READY ${server.port}\n`);
