import { afterAll, beforeAll } from 'vitest';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../test-utils/startPostgres.js';
import { storageSuite } from '../test-utils/storageSuite.js';
import { createPostgresStorage } from './createPostgresStorage.js';

const unavailable = postgresUnavailable();
if (unavailable) console.warn(unavailable);

let server: TestPostgres | undefined;
beforeAll(async () => {
  if (!unavailable) server = await startPostgres();
});
afterAll(() => server?.stop());

storageSuite(
  'postgres',
  () => createPostgresStorage({ connectionString: server!.connectionString }),
  unavailable !== null,
);
