// Another process holding the SQLite file's write lock, as a backup, a
// restore or a sqlite3 shell would: `node hold-sqlite-lock.mjs FILE MS`.
// Prints LOCKED once it holds the lock, releases it after MS milliseconds.
import { createClient } from '@libsql/client';

const [file, ms] = process.argv.slice(2);
const client = createClient({ url: `file:${file}` });
// Wait for a write the CMS may still be finishing rather than failing at once.
await client.execute('PRAGMA busy_timeout = 10000');
const tx = await client.transaction('write');
console.log('LOCKED');
setTimeout(async () => {
  await tx.rollback();
  tx.close();
  client.close();
  console.log('RELEASED');
  process.exit(0);
}, Number(ms));
