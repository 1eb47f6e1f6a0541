import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { createClient } from '@libsql/client';

/**
 * A consistent copy of a live SQLite file (`VACUUM INTO` reads it in one
 * read transaction), so the backup sees one moment of the database without
 * holding a write lock: editors keep saving while it runs.
 */
export async function snapshotSqlite(url: string): Promise<{ url: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-backup-snapshot-'));
  const file = path.join(dir, 'cms.db');
  const client = createClient({ url });
  try {
    await client.execute('PRAGMA busy_timeout = 10000');
    await client.execute({ sql: 'VACUUM INTO ?', args: [file] });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    client.close();
  }
  return { url: `file:${file}`, remove: () => rm(dir, { recursive: true, force: true }) };
}
