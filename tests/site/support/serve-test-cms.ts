/**
 * A throw-away CMS with the demo content on a free port, for building the site
 * in e2e tests and by hand: prints `PAYLOAD_URL=http://127.0.0.1:<port>` and
 * runs until killed. Its database is a fresh temporary SQLite file.
 */
import { seedDemoContent } from '../../../src/seed/seed';
import { startHttpCms } from './http-cms';

(process.env as Record<string, string | undefined>).NODE_ENV ??= 'test';
process.env.TEST_BACKEND ??= 'sqlite';
const cms = await startHttpCms();
await seedDemoContent(cms.payload);
console.log(`PAYLOAD_URL=${cms.url}`);
const stop = async () => {
  await cms.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
