/**
 * A school's published coverage.json, read and validated the one way:
 * `npm run district` (site URLs and files) and the self-reports job (URLs)
 * both call this. A report that cannot be read is an answer, not a throw:
 * `error` is the catalogue message's text the district report prints, and
 * `errorName` the message's name, which code reacts to.
 */
import { readFile } from 'node:fs/promises';

import type { CoverageReport } from '../domain/coverage';
import { parseCoverageReport } from '../domain/coverage-report-schema';
import { formatBytes, MB } from '../domain/bytes';
import type { MessageName } from '../messages/catalogue';
import { ColumnError } from '../messages/column-error';

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Far above any school's real report (years of quarters, a few items each); a server answering with more is not sending one. */
export const MAX_REPORT_BYTES = 5 * MB;

/** Why a report could not be read: the catalogue's names for it. */
export type ReportFailureName = Extract<
  MessageName,
  | 'DistrictUrlInvalid'
  | 'DistrictHttpStatus'
  | 'DistrictNotJson'
  | 'DistrictTimeout'
  | 'DistrictFileNotFound'
  | 'DistrictUnreachable'
  | 'DistrictTooLarge'
  | 'DistrictReadFailed'
  | 'CoverageReportInvalid'
  | 'CoverageReportInconsistent'
>;

/** A DistrictSource (src/domain/district.ts) that also names why it failed. `source` is as it was given. */
export type FetchedReport =
  { source: string; report: CoverageReport } | { source: string; error: string; errorName: ReportFailureName };

export type FetchReportOptions = {
  /** For the whole exchange: connecting, the answer and its body. */
  timeoutMs?: number;
  /** Tests give their own; Node's fetch otherwise. */
  fetch?: typeof globalThis.fetch;
  maxBytes?: number;
};

/** A web address rather than a file path. */
export const isWebAddress = (source: string): boolean => /^https?:\/\//i.test(source.trim());

/**
 * The coverage.json a source names: an address ending in `.json` as it is,
 * a site or column address with `coverage.json` under it (with or without
 * its trailing slash; the query kept, the fragment dropped). Anything that is
 * not a full http(s) address is refused with DistrictUrlInvalid.
 */
export function coverageJsonUrl(source: string): string {
  const trimmed = source.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ColumnError('DistrictUrlInvalid', { url: trimmed });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
    throw new ColumnError('DistrictUrlInvalid', { url: trimmed });
  url.hash = '';
  if (!/\.json$/i.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/?$/, '/')}coverage.json`;
  return url.href;
}

/** The report text as JSON, then as a coverage.json (CoverageReportInvalid / Inconsistent). */
export function parseReportText(text: string): CoverageReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ColumnError('DistrictNotJson');
  }
  return parseCoverageReport(json);
}

/** A school's report from its site: never throws. */
export async function fetchCoverageReport(source: string, options: FetchReportOptions = {}): Promise<FetchedReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const url = coverageJsonUrl(source);
    const response = await (options.fetch ?? globalThis.fetch)(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
      redirect: 'follow',
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new ColumnError('DistrictHttpStatus', { status: response.status, url });
    }
    const text = await readLimited(response, options.maxBytes ?? MAX_REPORT_BYTES);
    return { source, report: parseReportText(text) };
  } catch (error) {
    return { source, ...failure(error, timeoutMs) };
  }
}

/** A coverage.json on disk: never throws. */
export async function readCoverageReportFile(file: string): Promise<FetchedReport> {
  try {
    return { source: file, report: parseReportText(await readFile(file, 'utf8')) };
  } catch (error) {
    return { source: file, ...failure(error, 0) };
  }
}

/** A site URL or a path to a coverage.json file, as `npm run district` takes them. */
export function loadCoverageReport(source: string, options: FetchReportOptions = {}): Promise<FetchedReport> {
  return isWebAddress(source) ? fetchCoverageReport(source, options) : readCoverageReportFile(source);
}

/** The body as UTF-8 text, refused past `maxBytes` without reading the rest. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new ColumnError('DistrictTooLarge', { limit: formatBytes(maxBytes) });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  // TextDecoder drops a byte-order mark, as response.text() would.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

type NodeError = NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };

/** A thrown error as the catalogue message the district report prints. */
function failure(error: unknown, timeoutMs: number): { error: string; errorName: ReportFailureName } {
  const named = (e: ColumnError) => ({ error: e.summary, errorName: e.code as ReportFailureName });
  if (ColumnError.is(error)) return named(error);
  const e = (error ?? {}) as NodeError;
  const inner = e.cause as NodeError | undefined;
  const cause = inner?.code ?? inner?.errors?.[0]?.code;
  if (e.name === 'TimeoutError') return named(new ColumnError('DistrictTimeout', { seconds: timeoutMs / 1000 }));
  if (e.code === 'ENOENT') return named(new ColumnError('DistrictFileNotFound'));
  if (cause) return named(new ColumnError('DistrictUnreachable', { cause }));
  // Undici says only "fetch failed" and puts the reason (a redirect loop) in its cause.
  const problem = inner?.message ? `${e.message}: ${inner.message}` : (e.message ?? String(error));
  return named(new ColumnError('DistrictReadFailed', { problem }));
}
