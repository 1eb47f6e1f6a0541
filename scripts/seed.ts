/**
 * `npm run seed`: fills the database with the demo column (idempotent).
 * `--if-empty` seeds only an empty database (used by `npm start`). The
 * quarters that have ended are then closed (their records written once).
 */
import { getPayload } from 'payload';

import { closeEndedQuarters } from '../src/cms/district/close-quarters';
import { formatAccounts } from '../src/seed/accounts';
import { isEmptyDatabase, seedDemoContent } from '../src/seed/seed';
import { exitWith, openCms } from './lib/open-cms';

const ifEmpty = process.argv.includes('--if-empty');

const config = await openCms();
const payload = await getPayload({ config }).catch(exitWith);
try {
  if (ifEmpty && !(await isEmptyDatabase(payload))) {
    console.log('Cơ sở dữ liệu đã có nội dung: bỏ qua dữ liệu mẫu.');
  } else {
    console.log('Đang tạo dữ liệu mẫu…');
    const result = await seedDemoContent(payload, (line) => console.log(`  ${line}`));
    const total = Object.values(result.created).reduce((a, b) => a + b, 0);
    console.log(
      total === 0 ? 'Dữ liệu mẫu đã có đủ: không thêm gì.' : `Đã thêm ${total} mục: ${JSON.stringify(result.created)}`,
    );
    // The demo's ended quarters are closed now, as the daily job would have done on an install that
    // had been running: the dashboard and each coverage page then show their records at once.
    const closed = await closeEndedQuarters(payload, { now: new Date() });
    if (closed.created.length > 0) console.log(`  Biên bản quý đã chốt: ${closed.created.length}`);
    if (result.accounts.length > 0) console.log(formatAccounts(result.accounts));
  }
} finally {
  await payload.destroy();
}
process.exit(0);
