/**
 * The loader's failures, each with one message in Vietnamese and English that
 * says what to check. The build stops on them; `scripts/build-site.ts` then
 * leaves the previous `dist/` in place.
 */
import type { z } from 'astro/zod';

export class CmsUnreachableError extends Error {
  override name = 'CmsUnreachableError';
}

/** The CMS answered, with an HTTP error status (kept for callers that tell 401/403/404 apart). */
export class CmsHttpError extends CmsUnreachableError {
  override name = 'CmsHttpError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class CmsDataError extends Error {
  override name = 'CmsDataError';
}

/** `title: tiêu đề trống; audiences.0: …` from zod issues. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join('.') : '(toàn bộ)';
      return `trường "${field}": ${issue.message}`;
    })
    .join('; ');
}

export function invalidDocument(collection: string, doc: unknown, issues: readonly z.core.$ZodIssue[]): CmsDataError {
  const record = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const id = record.id === undefined ? '?' : String(record.id);
  const label =
    typeof record.slug === 'string'
      ? ` (slug "${record.slug}")`
      : typeof record.title === 'string'
        ? ` ("${record.title}")`
        : '';
  const fields = issues.map((i) => i.path.map(String).join('.') || '(all)').join(', ');
  return new CmsDataError(
    `CMS trả về dữ liệu trang không hiển thị được: bộ sưu tập "${collection}", tài liệu id ${id}${label}, ${describeIssues(issues)}.\n` +
      `The CMS returned an item the site cannot render: collection "${collection}", item ${id}${label}, field(s) ${fields}. ` +
      `Fix it in the admin (or the schema in src/site-loader/schemas.ts) and build again.`,
  );
}
