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
import { exitWith, openCms } from './lib/open-cms';

const { values, positionals } = parseArgs({
  options: { replace: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  console.error('Cách dùng: npm run restore -- <tệp sao lưu .tar.gz> [--replace]');
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
      `  ⚠ ${result.dangling.length} liên kết trỏ tới mục không có trong bản sao lưu (ví dụ ${result.dangling[0]}).`,
    );
  for (const folder of result.setAside)
    console.warn(`  ⚠ Các tệp có sẵn trước đó được chuyển sang ${folder} (không bị xoá).`);
  console.log('Chạy `npm start` để dựng lại trang công khai từ dữ liệu vừa khôi phục.');
} catch (error) {
  if (error instanceof ArchiveError)
    console.error(
      `\n✖ Không khôi phục: bản sao lưu bị hỏng hoặc không đầy đủ (${error.message}). Không có gì được ghi.\n`,
    );
  else if (error instanceof NotEmptyError) console.error(`\n✖ ${error.message}\n`);
  else console.error(`\n✖ Khôi phục thất bại, cơ sở dữ liệu được giữ nguyên như trước: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await payload.destroy();
}
process.exit();
