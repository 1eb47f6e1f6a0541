/**
 * `npm run restore -- FILE [--replace]`: loads a backup into the database
 * DATABASE_URI names (SQLite by default, or MongoDB) and the uploads folder.
 * Refuses a database that already has content unless --replace is given.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { getPayload } from 'payload';

import { ArchiveError } from '../src/cms/backup/archive';
import { NotEmptyError, restoreBackup } from '../src/cms/backup/restore';
import { renderMessage } from '../src/messages/catalogue';
import { ColumnError } from '../src/messages/column-error';
import { exitWith, openCms } from './lib/open-cms';

const { values, positionals } = parseArgs({
  options: { replace: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  console.error(renderMessage('RestoreUsage').text);
  process.exit(2);
}
const file = path.resolve(positionals[0]!);

// All-or-nothing on SQLite too (see src/cms/database.ts).
const config = await openCms({ sqliteTransactions: true });
const payload = await getPayload({ config }).catch(exitWith);
try {
  const result = await restoreBackup(payload, file, { replace: values.replace, log: (line) => console.log(line) });
  console.log(
    `Đã khôi phục ${result.docs} mục, ${result.versions} phiên bản và ${result.files} tệp từ bản sao lưu ngày ${result.manifest.createdAt} (${result.manifest.source.database}).`,
  );
  if (result.dangling.length > 0)
    console.warn(
      `  ⚠ ${renderMessage('RestoreDanglingLinks', { count: result.dangling.length, example: result.dangling[0]! }).message}`,
    );
  for (const folder of result.setAside)
    console.warn(`  ⚠ ${renderMessage('RestoreFilesSetAside', { folder }).message}`);
  console.log('Chạy `npm start` để dựng lại trang công khai từ dữ liệu vừa khôi phục.');
} catch (error) {
  // A damaged archive and a non-empty target say it all; anything else failed inside the rolled-back transaction.
  const refusal =
    error instanceof ArchiveError || error instanceof NotEmptyError
      ? error
      : new ColumnError('RestoreFailed', { reason: (error as Error).message });
  console.error(`\n${refusal.format()}\n`);
  process.exitCode = 1;
} finally {
  await payload.destroy();
}
process.exit();
