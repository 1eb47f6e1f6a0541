/**
 * The district dashboard's choices as a person makes them in an address: the
 * year and "only schools with a missed quarter" as GET parameters (so the
 * filter form works without JavaScript and a download link carries the same
 * view), and the downloads' file names. Pure.
 */
import type { DistrictFilter } from './district';
import { quarterOf } from './quarters';
import { slugify } from './slug';

/** `year`: one of the matrix's years, or null for every year. */
export type DashboardFilter = { year: number | null; onlyMissed: boolean };

/** The value of the year select that shows every year. */
export const ALL_YEARS = 'all';

type Query = Record<string, unknown> | URLSearchParams | undefined;

function param(query: Query, name: string): string | undefined {
  if (!query) return undefined;
  const value = query instanceof URLSearchParams ? query.get(name) : query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/**
 * The filter an address asks for. Without a year, the current year (Vietnam
 * time) when the matrix has it, else its latest; a year the matrix does not
 * have falls back the same way rather than showing an empty table.
 */
export function parseDashboardFilter(query: Query, years: readonly number[], now: Date): DashboardFilter {
  const raw = param(query, 'year');
  const onlyMissed = ['1', 'on', 'true'].includes(param(query, 'onlyMissed') ?? '');
  if (raw === ALL_YEARS) return { year: null, onlyMissed };
  const asked = raw !== undefined && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  if (asked !== undefined && years.includes(asked)) return { year: asked, onlyMissed };
  const current = quarterOf(now).year;
  return { year: years.includes(current) ? current : (years.at(-1) ?? null), onlyMissed };
}

/** For filterMatrix. */
export function matrixFilter(filter: DashboardFilter): DistrictFilter {
  return { year: filter.year ?? undefined, onlyMissed: filter.onlyMissed };
}

/** `?year=2026&onlyMissed=1`: the same view in a link (a download, a cell's detail and back). */
export function dashboardQuery(filter: DashboardFilter): string {
  const params = new URLSearchParams({ year: filter.year === null ? ALL_YEARS : String(filter.year) });
  if (filter.onlyMissed) params.set('onlyMissed', '1');
  return `?${params.toString()}`;
}

/**
 * A download's name: readable Vietnamese for browsers that take RFC 5987's
 * `filename*`, and the same words as a slug (ASCII, `đ → d`) for those that
 * do not.
 */
export function reportFileName(filter: DashboardFilter, extension: 'csv' | 'xlsx'): { utf8: string; ascii: string } {
  const scope = filter.year === null ? 'các năm' : `năm ${filter.year}`;
  const base = `Tổng hợp Bình đẳng giới ${scope}${filter.onlyMissed ? ' - trường bỏ lỡ' : ''}`;
  return { utf8: `${base}.${extension}`, ascii: `${slugify(base)}.${extension}` };
}

/** `attachment; filename="…"; filename*=UTF-8''…`. */
export function attachmentDisposition(name: { utf8: string; ascii: string }): string {
  const encoded = encodeURIComponent(name.utf8).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A reader's address for an item of a report: relative addresses against the
 * school's column address. Only http(s): a self-reported report is another
 * install's file, and a `javascript:` link in it must not become a link here.
 */
export function publicHref(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const href = new URL(url, base);
    return href.protocol === 'https:' || href.protocol === 'http:' ? href.href : null;
  } catch {
    return null;
  }
}

/** What a quarter still lacks, in words; null once it is covered. */
export function shortfallText(quarter: {
  status: 'covered' | 'missed' | 'in-progress';
  count: number;
  daysLeft: number;
  min: number;
}): string | null {
  const { status, count, daysLeft, min } = quarter;
  if (status === 'covered') return null;
  const lacking = Math.max(min - count, 0);
  if (status === 'in-progress') {
    return `Còn thiếu ${lacking} bài để đạt (tối thiểu ${min} bài/quý, đã có ${count}); quý còn ${daysLeft} ngày.`;
  }
  return `Thiếu ${lacking} bài: quý đã kết thúc với ${count}/${min} bài được tính.`;
}
