import type { CheckboxField, DateField, DateFieldValidation, FieldHook } from 'payload';

import { nobody } from '../access/roles';
import { isIsoInstant } from '../../domain/instant';
import { renderMessage } from '../../messages/catalogue';
import type { Article, ModelStory, TeachingResource } from '../../payload-types';

type Editorial = Article | ModelStory | TeachingResource;
/** A date field's hook on an editorial document: the fields sit at the top level, so siblings are the document. */
type DateHook = FieldHook<Editorial, string | null | undefined, Editorial>;

/**
 * The dates the quarterly coverage check reads. `publishedAt` is what readers
 * see and decides the quarter; `firstPublishedAt` is when the system first saw
 * the document published, so a missed quarter cannot be filled by back-dating.
 */

const isPublishing = (siblingData: Partial<Editorial> | undefined) => siblingData?._status === 'published';

const defaultToNowWhenPublishing: DateHook = ({ value, siblingData }) =>
  value ?? (isPublishing(siblingData) ? new Date().toISOString() : value);

/**
 * Context flag for trusted server-side imports (seed, migration of an old
 * portal) that carry a real first-publication date. Only the Local API can set
 * `req.context`; REST and GraphQL cannot.
 */
export const IMPORT_FIRST_PUBLISHED_AT = 'importFirstPublishedAt';

/**
 * Only an update carries the stored first publication forward. On a create
 * there is none to keep: Payload's Duplicate hands the create the source as
 * `originalDoc`, and a copy of a 2022 article must not carry 2022 into a
 * missed quarter. A version restore is an update whose `originalDoc` is the
 * current document, so the restored version's own value is never taken.
 */
const setFirstPublicationOnce: DateHook = ({ value, operation, originalDoc, siblingData, req }) => {
  const existing = operation === 'update' ? originalDoc?.firstPublishedAt : undefined;
  if (existing) return existing;
  if (req.context[IMPORT_FIRST_PUBLISHED_AT] === true && value) return value;
  return isPublishing(siblingData) ? new Date().toISOString() : null;
};

export function publishedAtField(): DateField {
  return {
    name: 'publishedAt',
    type: 'date',
    label: 'Ngày đăng',
    index: true,
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
      description: 'Ngày hiển thị trên trang và dùng để xếp bài vào quý. Để trống: lấy thời điểm xuất bản.',
    },
    hooks: { beforeChange: [defaultToNowWhenPublishing] },
    validate: validInstant,
  };
}

/** A real calendar date (not 30/02, which Date would turn into 2 March), or empty. */
const validInstant: DateFieldValidation = (value) => {
  // A REST body may clear the date with '', which the field's type does not admit.
  if (value === null || value === undefined || (value as unknown) === '') return true;
  const iso = value instanceof Date ? value.toISOString() : String(value);
  return isIsoInstant(iso) ? true : renderMessage('PublishedAtInvalid', { value: iso }).text;
};

export function firstPublishedAtField(): DateField {
  return {
    name: 'firstPublishedAt',
    type: 'date',
    label: 'Xuất bản lần đầu',
    index: true,
    access: { create: nobody, update: nobody },
    // Belt and braces with the hook above: a duplicate starts with no first publication.
    disableDuplicate: true,
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
      description: 'Hệ thống tự ghi khi xuất bản lần đầu; không ai sửa được.',
    },
    hooks: { beforeChange: [setFirstPublicationOnce] },
  };
}

export function countsTowardColumnField(defaultValue: boolean): CheckboxField {
  return {
    name: 'countsTowardColumn',
    type: 'checkbox',
    label: 'Tính vào chỉ tiêu cập nhật chuyên mục theo quý',
    defaultValue,
    admin: { position: 'sidebar' },
  };
}
