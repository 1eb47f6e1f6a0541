import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, PayloadRequest } from 'payload';

import { STATUS_LABELS } from '../../domain/coverage-format';
import { isQuarterId } from '../../domain/quarter-id';
import { type QuarterRecord, verifyRecord } from '../../domain/quarter-record';
import { ColumnError } from '../../messages/column-error';
import type { QuarterRecord as QuarterRecordDoc } from '../../payload-types';
import { idOf } from '../access/actor';
import { readRecords } from '../access/records';
import { nobodyAccess } from '../access/roles';

/**
 * Context flag the closing job (src/cms/district/close-quarters.ts) sets on
 * its creates: only the Local API can set `req.context`, and no other code
 * sets this one, so a create from anywhere else is refused even past access.
 */
export const CLOSING_JOB_CONTEXT = 'closeQuartersJob';

type Data = Partial<QuarterRecordDoc>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The document's fields are copies of the record's, for lists and queries:
 * they must say what the hashed record says, and the hash must be its hash.
 */
async function checkAgainstRecord(data: Data, req: PayloadRequest): Promise<void> {
  const invalid = (field: string) => new ColumnError('QuarterRecordInvalid', { field });
  const record = data.record;
  if (!isPlainObject(record)) throw invalid('record');
  const r = record as Partial<QuarterRecord>;
  if (typeof data.quarter !== 'string' || !isQuarterId(data.quarter) || r.quarter !== data.quarter)
    throw invalid('quarter');
  if (data.status !== r.status) throw invalid('status');
  const closedAt = data.closedAt ? new Date(data.closedAt).getTime() : Number.NaN;
  if (typeof r.closedAt !== 'string' || Date.parse(r.closedAt) !== closedAt) throw invalid('closedAt');
  // Stored lowercase, so that equal hashes are equal strings.
  if (typeof data.hash !== 'string' || !/^[0-9a-f]{64}$/.test(data.hash)) throw invalid('hash');
  if (!verifyRecord(record as QuarterRecord, data.hash)) throw invalid('hash');

  if (data.school === undefined || data.school === null) throw invalid('school');
  const schoolId = idOf(data.school);
  const school = await req.payload
    .findByID({ collection: 'schools', id: schoolId, depth: 0, select: { slug: true, name: true }, req })
    .catch(() => null);
  if (!school || r.school?.slug !== school.slug || r.school?.name !== school.name.normalize('NFC'))
    throw invalid('school');

  // The (school, quarter) index says the same; this names it, and holds on a database that cannot.
  const { totalDocs } = await req.payload.count({
    collection: 'quarter-records',
    where: { and: [{ school: { equals: schoolId } }, { quarter: { equals: data.quarter } }] },
    req,
  });
  if (totalDocs > 0) throw new ColumnError('QuarterRecordExists', { school: school.slug, quarter: data.quarter });
}

/** Past access too (Local API with overrideAccess): no update ever; a create only from the closing job, and only a consistent one. */
const guardWrites: CollectionBeforeChangeHook<QuarterRecordDoc> = async ({ operation, data, context, req }) => {
  if (operation !== 'create') throw new ColumnError('QuarterRecordImmutable');
  if (context[CLOSING_JOB_CONTEXT] !== true) throw new ColumnError('QuarterRecordCreateRefused');
  await checkAgainstRecord(data, req);
  return data;
};

const refuseDelete: CollectionBeforeDeleteHook = () => {
  throw new ColumnError('QuarterRecordImmutable');
};

const readOnly = { readOnly: true } as const;

/**
 * What each school's coverage report said about a quarter once it had ended,
 * with the SHA-256 of the record (src/domain/quarter-record.ts). Appended by
 * the closing job; nobody edits or deletes one, through any API. Not a
 * school-owned collection of the multi-tenant plugin: access is ours
 * (src/cms/access/records.ts). Writing straight to the database adapter
 * (restore does) is below all of this.
 */
export const QuarterRecords: CollectionConfig = {
  slug: 'quarter-records',
  labels: { singular: 'Biên bản quý', plural: 'Biên bản quý' },
  admin: {
    group: 'Hệ thống',
    useAsTitle: 'quarter',
    defaultColumns: ['quarter', 'school', 'status', 'closedAt'],
    description:
      'Kết quả từng quý của mỗi trường, chốt tự động khi quý kết thúc. Không ai sửa hay xóa được biên bản; ' +
      'nếu dữ liệu hôm nay khác, bảng theo dõi của Phòng ghi rõ chỗ khác.',
  },
  access: { read: readRecords, create: nobodyAccess, update: nobodyAccess, delete: nobodyAccess },
  hooks: { beforeChange: [guardWrites], beforeDelete: [refuseDelete] },
  indexes: [{ fields: ['school', 'quarter'], unique: true }],
  versions: false,
  disableDuplicate: true,
  lockDocuments: false,
  graphQL: { disableMutations: true },
  defaultSort: '-closedAt',
  fields: [
    {
      name: 'school',
      type: 'relationship',
      relationTo: 'schools',
      label: 'Trường',
      required: true,
      index: true,
      admin: readOnly,
    },
    { name: 'quarter', type: 'text', label: 'Quý (NĂM-Qn)', required: true, index: true, admin: readOnly },
    {
      name: 'status',
      type: 'select',
      label: 'Kết quả',
      required: true,
      // A record is made only for an ended quarter, never one in progress.
      options: (['covered', 'missed'] as const).map((value) => ({ value, label: STATUS_LABELS[value] })),
      admin: readOnly,
    },
    { name: 'closedAt', type: 'date', label: 'Thời điểm chốt', required: true, admin: readOnly },
    {
      name: 'record',
      type: 'json',
      label: 'Biên bản (đúng nội dung đã băm)',
      required: true,
      admin: readOnly,
    },
    {
      name: 'hash',
      type: 'text',
      label: 'Mã SHA-256 của biên bản',
      required: true,
      admin: { ...readOnly, description: 'Dùng để kiểm tra biên bản không bị thay đổi sau khi chốt.' },
    },
  ],
};
