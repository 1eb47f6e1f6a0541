/**
 * What the upgrade to schools does with a single-school database, for both
 * engines' migrations: the old column settings become the first school, at
 * the classic address; every document and file belongs to it; every account
 * becomes a member with the role it had; the first admin also runs the
 * platform. Plain data, no framework imports.
 */
import { slugify } from './slug';
import { COLUMN_COLLECTIONS, type ColumnCollection } from './vocabulary';

/** The `column-settings` global as the release before schools stored it (any field may be missing). */
export type OldColumnSettings = {
  schoolName?: string | null;
  district?: string | null;
  columnTitle?: string | null;
  reportingStartQuarter?: string | null;
  minimumItemsPerQuarter?: number | null;
  countedCollections?: readonly string[] | null;
};

export type FirstSchool = {
  name: string;
  slug: string;
  district: string;
  basePath: string;
  columnTitle: string;
  reportingStartQuarter: string;
  minimumItemsPerQuarter: number;
  countedCollections: ColumnCollection[];
  archived: false;
};

export const SCHOOL_OWNED_COLLECTIONS = [
  'articles',
  'model-stories',
  'teaching-resources',
  'topics',
  'media',
  'documents',
] as const;

/** The collections whose slug was unique on its own and is now unique per school. */
export const SLUGGED_COLLECTIONS = ['articles', 'model-stories', 'teaching-resources', 'topics'] as const;

const KNOWN = new Set<string>(COLUMN_COLLECTIONS.map((c) => c.value));
const countedFrom = (list: readonly string[] | null | undefined): ColumnCollection[] => {
  const known = (list ?? []).filter((c): c is ColumnCollection => KNOWN.has(c));
  return known.length ? known : ['articles'];
};

export function firstSchoolFrom(settings: OldColumnSettings | null, basePath: string): FirstSchool {
  const name = settings?.schoolName?.trim() || 'Trường THCS';
  return {
    name,
    slug: slugify(name) || 'truong',
    district: settings?.district ?? '',
    basePath,
    columnTitle: settings?.columnTitle?.trim() || 'Bình đẳng giới',
    reportingStartQuarter: settings?.reportingStartQuarter || '2022-Q1',
    minimumItemsPerQuarter: settings?.minimumItemsPerQuarter ?? 1,
    countedCollections: countedFrom(settings?.countedCollections),
    archived: false,
  };
}

export type OldAccount = { id: string | number; role?: string | null; createdAt?: string | Date | null };

const ROLES = new Set(['admin', 'editor', 'contributor']);

/** Each account's role in the first school; the earliest admin (else the earliest account) runs the platform. */
export function accountsUpgrade(accounts: readonly OldAccount[]): {
  id: string | number;
  role: 'admin' | 'editor' | 'contributor';
  platformAdmin: boolean;
}[] {
  const byAge = [...accounts].sort(
    (a, b) =>
      new Date(a.createdAt ?? 0).getTime() - new Date(b.createdAt ?? 0).getTime() ||
      String(a.id).localeCompare(String(b.id)),
  );
  const platform = byAge.find((a) => a.role === 'admin') ?? byAge[0];
  return accounts.map((a) => ({
    id: a.id,
    role: (ROLES.has(a.role ?? '') ? a.role : 'contributor') as 'admin' | 'editor' | 'contributor',
    platformAdmin: platform !== undefined && a.id === platform.id,
  }));
}
