/**
 * The loader's and the site build's failures: catalogue messages
 * (src/messages/catalogue.ts) carried by Astro's own error type, so Astro
 * prints them with their hint. The build stops on them; each records its name
 * and details for `scripts/build-site.ts` (src/messages/build-failure.ts),
 * which then leaves the previous `dist/` in place.
 */
import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';

import { recordBuildFailure } from '../messages/build-failure';
import { type DetailsOf, type MessageArgs, type MessageName, renderMessage } from '../messages/catalogue';

export class SiteBuildError<N extends MessageName = MessageName> extends AstroError {
  readonly code: N;
  readonly details: DetailsOf<N>;
  readonly title: string;

  constructor(name: N, ...args: MessageArgs<N>) {
    const rendered = renderMessage(name, ...args);
    super(rendered.message, rendered.hint);
    this.name = name;
    this.code = name;
    this.title = rendered.title;
    this.details = (args[0] ?? {}) as DetailsOf<N>;
    recordBuildFailure({ name, details: this.details as Record<string, unknown> });
  }

  /** Message and hint together, as one text (build status, tests). */
  get text(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message;
  }
}

type UnreachableName =
  'CmsUnreachable' | 'PayloadUrlInvalid' | 'PayloadUrlNotHttp' | 'FileDownloadFailed' | 'FileHttpStatus';

/** The CMS could not be asked (or its address is wrong). */
export class CmsUnreachableError<N extends MessageName = UnreachableName | 'CmsHttpStatus'> extends SiteBuildError<N> {}

/** The CMS answered, with an HTTP error status (kept for callers that tell 401/403/404 apart). */
export class CmsHttpError extends CmsUnreachableError<'CmsHttpStatus'> {
  readonly status: number;
  constructor(details: DetailsOf<'CmsHttpStatus'>) {
    super('CmsHttpStatus', details);
    this.status = details.status;
  }
}

/** The CMS answered something the site cannot use. */
export class CmsDataError<
  N extends MessageName =
    'CmsNotJson' | 'CmsListShape' | 'CmsInvalidDocument' | 'CmsBrokenReference' | 'CmsNoPublicPolicy',
> extends SiteBuildError<N> {}

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
  return new CmsDataError('CmsInvalidDocument', { collection, id, label, problems: describeIssues(issues), fields });
}
