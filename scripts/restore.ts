/**
 * `npm run restore -- FILE [--replace]`: loads a backup into the database
 * DATABASE_URI names (SQLite by default, or MongoDB) and the uploads folder.
 * Refuses a database that already has content unless --replace is given.
 *
 * `npm run restore -- FILE --as-school <slug>`: loads one school's backup
 * (made on its own install) into this install as a new school with that
 * slug, next to the schools already there (src/cms/backup/restore-as-school.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { getPayload } from 'payload';

import { ArchiveError } from '../src/cms/backup/archive';
import { NotEmptyError, restoreBackup } from '../src/cms/backup/restore';
import { type AsSchoolResult, restoreAsSchool } from '../src/cms/backup/restore-as-school';
import { isSlug } from '../src/domain/slug';
import { renderMessage } from '../src/messages/catalogue';
import { ColumnError } from '../src/messages/column-error';
import { exitWith, openCms } from './lib/open-cms';

const usage = () => {
  console.error(renderMessage('RestoreUsage').text);
  process.exit(2);
};
let parsed;
try {
  parsed = parseArgs({
    options: { replace: { type: 'boolean', default: false }, 'as-school': { type: 'string' } },
    allowPositionals: true,
  });
} catch {
  usage();
}
const { values, positionals } = parsed!;
const asSchool = values['as-school'];
// Replacing the whole install and adding one school to it are opposites.
if (positionals.length !== 1 || (asSchool !== undefined && values.replace)) usage();
const file = path.resolve(positionals[0]!);
if (asSchool !== undefined && !isSlug(asSchool)) {
  console.error(`\n${new ColumnError('RestoreAsSchoolSlugInvalid', { slug: asSchool }).format()}\n`);
  process.exit(1);
}

// All-or-nothing on SQLite too (see src/cms/database.ts).
const config = await openCms({ sqliteTransactions: true });
const payload = await getPayload({ config }).catch(exitWith);
const log = (line: string) => console.log(line);
// Bilingual warnings keep their English line under the Vietnamese one.
const warn = (line: string) => console.warn(`  ⚠ ${line.replaceAll('\n', '\n    ')}`);
try {
  if (asSchool !== undefined) report(await restoreAsSchool(payload, file, { slug: asSchool, log }));
  else {
    const result = await restoreBackup(payload, file, { replace: values.replace, log });
    console.log(
      `Đã khôi phục ${result.docs} mục, ${result.versions} phiên bản và ${result.files} tệp từ bản sao lưu ngày ${result.manifest.createdAt} (${result.manifest.source.database}).`,
    );
    if (result.dangling.length > 0)
      warn(
        renderMessage('RestoreDanglingLinks', { count: result.dangling.length, example: result.dangling[0]! }).message,
      );
    for (const folder of result.setAside) warn(renderMessage('RestoreFilesSetAside', { folder }).message);
  }
  console.log('Chạy `npm start` để dựng lại trang công khai từ dữ liệu vừa khôi phục.');
} catch (error) {
  // Refusals say it all; anything else failed inside the rolled-back transaction.
  const refusal =
    error instanceof ArchiveError ||
    error instanceof NotEmptyError ||
    ColumnError.is(
      error,
      'RestoreAsSchoolSlugInvalid',
      'RestoreSchoolExists',
      'RestoreSchoolAddressTaken',
      'RestoreArchiveNotOneSchool',
    )
      ? error
      : new ColumnError('RestoreFailed', { reason: (error as Error).message });
  console.error(`\n${refusal.format()}\n`);
  process.exitCode = 1;
} finally {
  await payload.destroy();
}
process.exit();

function report(result: AsSchoolResult) {
  const { school } = result;
  console.log(
    `Đã khôi phục trường «${school.name}» (mã ${school.slug}, chuyên mục ${school.basePath}): ${result.docs} mục, ${result.versions} phiên bản và ${result.files} tệp từ bản sao lưu ngày ${result.manifest.createdAt} (${result.manifest.source.database}); ${result.accountsCreated} tài khoản mới, ${result.accountsMerged.length} tài khoản đã có.`,
  );
  if (result.leftoverRemoved)
    warn(renderMessage('RestoreAsSchoolLeftoverRemoved', { slug: result.leftoverRemoved }).message);
  for (const account of result.accountsMerged) warn(renderMessage('RestoreAccountMerged', account).message);
  for (const dropped of result.platformRolesDropped)
    warn(renderMessage('RestorePlatformRoleNotCarried', dropped).message);
  for (const renamed of result.renamedFiles) warn(renderMessage('RestoreFileRenamed', renamed).message);
  if (result.dangling.length > 0)
    warn(
      renderMessage('RestoreDanglingLinks', { count: result.dangling.length, example: result.dangling[0]! }).message,
    );
}
