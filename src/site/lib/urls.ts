/**
 * Every address of the site, in one place. Readable, stable, Vietnamese and
 * under the base path (SITE_BASE, default /binh-dang-gioi/). The coverage page
 * links its items with `urlFor`.
 */
import {
  AUDIENCES,
  CAMPAIGNS,
  RESOURCE_KINDS,
  type Audience,
  type Campaign,
  type ResourceKind,
} from '../../domain/vocabulary';
import { ITEM_PATHS } from '../../domain/site-paths';
import { slugify } from '../../domain/slug';

export type ItemCollection = 'articles' | 'model-stories' | 'teaching-resources';

const SECTION = ITEM_PATHS as Record<ItemCollection, string>;

function siteBase(): string {
  const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** `path` under the base: href('bai-viet/') → "/binh-dang-gioi/bai-viet/". */
export function href(path = ''): string {
  return `${siteBase()}${path.replace(/^\/+/, '')}`;
}

/** The page of one item: urlFor('articles', 'binh-dang-gioi') → "/binh-dang-gioi/bai-viet/binh-dang-gioi/". */
export function urlFor(collection: ItemCollection, slug: string): string {
  return href(`${SECTION[collection]}/${encodeURIComponent(slug)}/`);
}

export const AUDIENCE_SLUGS: Record<Audience, string> = Object.fromEntries(
  AUDIENCES.map((a) => [a.value, slugify(a.label)]),
) as Record<Audience, string>; // phu-huynh, hoc-sinh, giao-vien

/** Short labels and addresses of the key dates (the full label is in vocabulary.ts). */
export const CAMPAIGN_PAGES: Record<Campaign, { slug: string; short: string }> = {
  'women-day-8-3': { slug: 'ngay-quoc-te-phu-nu-8-3', short: 'Ngày Quốc tế Phụ nữ 8/3' },
  'happiness-day-20-3': { slug: 'ngay-quoc-te-hanh-phuc-20-3', short: 'Ngày Quốc tế Hạnh phúc 20/3' },
  'family-day-28-6': { slug: 'ngay-gia-dinh-viet-nam-28-6', short: 'Ngày Gia đình Việt Nam 28/6' },
  'action-month-15-11': { slug: 'thang-hanh-dong-15-11-15-12', short: 'Tháng hành động vì bình đẳng giới 15/11–15/12' },
};
export const CAMPAIGN_VALUES = CAMPAIGNS.map((c) => c.value);

export const KIND_SLUGS: Record<ResourceKind, string> = Object.fromEntries(
  RESOURCE_KINDS.map((k) => [k.value, slugify(k.label)]),
) as Record<ResourceKind, string>;

export const urls = {
  home: () => href(''),
  articles: (page = 1) => href(page <= 1 ? 'bai-viet/' : `bai-viet/trang/${page}/`),
  quarters: () => href('quy/'),
  quarter: (quarterSlug: string) => href(`quy/${quarterSlug}/`),
  audience: (a: Audience) => href(`doi-tuong/${AUDIENCE_SLUGS[a]}/`),
  topics: () => href('chu-de/'),
  topic: (slug: string) => href(`chu-de/${encodeURIComponent(slug)}/`),
  campaign: (c: Campaign) => href(`chien-dich/${CAMPAIGN_PAGES[c].slug}/`),
  stories: () => href('guong-dien-hinh/'),
  resources: () => href('tai-lieu/'),
  /** Filter page of the library; `tat-ca` means any. */
  resourceFilter: (subject?: string, grade?: string, kind?: ResourceKind) =>
    !subject && !grade && !kind
      ? href('tai-lieu/')
      : href(
          `tai-lieu/loc/${subject ?? 'tat-ca'}/${grade ? `lop-${grade}` : 'tat-ca'}/${kind ? KIND_SLUGS[kind] : 'tat-ca'}/`,
        ),
  file: (filename: string) => href(`tai-lieu/tep/${encodeURIComponent(filename)}`),
  search: () => href('tim-kiem/'),
  report: () => href('bao-cao/'),
  rss: () => href('rss.xml'),
  calendar: () => href('lich.ics'),
  page: (slug: string) => href(`${slug}/`),
};
