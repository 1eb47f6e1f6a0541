/**
 * `npm run backup -- --out FILE`: one .tar.gz with every collection, every
 * version, the settings, all uploaded files and a checksummed manifest.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { getPayload } from 'payload';

import { createBackup } from '../src/cms/backup/backup';
import { snapshotSqlite } from '../src/cms/backup/sqlite-snapshot';
import { chooseDatabase } from '../src/domain/database-url';
import { ColumnError } from '../src/messages/column-error';
import { ensureLocalSecret } from './lib/local-secret';
import { exitWith, openCms } from './lib/open-cms';
import { scriptSettings } from './lib/settings';

const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-');
const out = path.resolve(values.out ?? path.join('backups', `sao-luu-${stamp}.tar.gz`));
mkdirSync(path.dirname(out), { recursive: true });

// SQLite: back up a consistent snapshot of the file, not the file editors are writing to.
ensureLocalSecret();
const database = chooseDatabase(scriptSettings().DATABASE_URI);
const snapshot = database.kind === 'sqlite' ? await snapshotSqlite(database.url).catch(exitWith) : undefined;
const config = await openCms({ databaseUri: snapshot?.url });
const payload = await getPayload({ config }).catch(exitWith);
try {
  console.log('Đang sao lưu…');
  const manifest = await createBackup(payload, out);
  const docs = Object.values(manifest.collections).reduce((n, c) => n + c.docs, 0);
  const versions = Object.values(manifest.collections).reduce((n, c) => n + c.versions, 0);
  const files = Object.values(manifest.files).reduce((n, c) => n + c, 0);
  for (const warning of manifest.warnings) console.warn(`  ⚠ ${warning}`);
  console.log(
    `Đã sao lưu ${docs} mục, ${versions} phiên bản, ${manifest.globals.length} phần cài đặt, ${files} tệp vào:\n  ${out}`,
  );
} catch (error) {
  console.error(`\n${new ColumnError('BackupFailed', { reason: (error as Error).message }).format()}\n`);
  process.exitCode = 1;
} finally {
  await payload.destroy();
  await snapshot?.remove();
}
process.exit();
