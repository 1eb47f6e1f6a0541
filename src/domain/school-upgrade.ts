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

/** The collections every school owns; each carries `school` (src/cms/fields/school.ts, the multi-tenant plugin). */
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
/** A select with hasMany stores each value once: a repeated one would count a collection twice. */
const countedFrom = (list: readonly string[] | null | undefined): ColumnCollection[] => {
  const known = [...new Set((list ?? []).filter((c): c is ColumnCollection => KNOWN.has(c)))];
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

/** An account's creation time; one of unknown age comes after every known one, never first. */
const ageOf = (a: OldAccount): number => {
  const time = a.createdAt ? new Date(a.createdAt).getTime() : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
};

/**
 * Ids in the order they were given out: SQLite's as numbers (9 before 10),
 * MongoDB's ObjectIds as their fixed-length hex, which starts with the time.
 */
const compareIds = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

/** Each account's role in the first school; the earliest admin (else the earliest account) runs the platform. */
export function accountsUpgrade(accounts: readonly OldAccount[]): {
  id: string | number;
  role: 'admin' | 'editor' | 'contributor';
  platformAdmin: boolean;
}[] {
  const byAge = [...accounts].sort((a, b) => {
    const [x, y] = [ageOf(a), ageOf(b)];
    return x === y ? compareIds(a.id, b.id) : x < y ? -1 : 1;
  });
  const platform = byAge.find((a) => a.role === 'admin') ?? byAge[0];
  return accounts.map((a) => ({
    id: a.id,
    role: (ROLES.has(a.role ?? '') ? a.role : 'contributor') as 'admin' | 'editor' | 'contributor',
    platformAdmin: platform !== undefined && a.id === platform.id,
  }));
}
