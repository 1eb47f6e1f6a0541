/**
 * What `restore --as-school` reads from one school's archive, as plain data
 * (no Payload imports): the school it holds, each account's role in it, and
 * file names that do not clash with the files already on the target.
 */
import { firstSchoolFrom, type OldColumnSettings } from '../../domain/school-upgrade';
import { ROLES, type Role } from '../../domain/vocabulary';
import { ColumnError } from '../../messages/column-error';
import type { Manifest } from './archive';
import type { Id } from './relations';

type Doc = Record<string, unknown>;

/**
 * The school an archive holds. An archive made after the upgrade to schools
 * has exactly one `schools` document (a single-school install); one made
 * before it has none, and its `column-settings` global (if the school ever
 * saved its settings) says what the school was called and how it reported.
 * Both carry format version 1: the difference is in the content.
 */
export type ArchivedSchool = {
  /** The school's id in the archive; undefined for an archive made before schools. */
  id: Id | undefined;
  /** The school's fields as the target stores them, without slug and address (the restore chooses those). */
  fields: Doc;
  preSchools: boolean;
};

export function archivedSchool(json: ReadonlyMap<string, unknown>, manifest: Manifest): ArchivedSchool {
  if (manifest.collections.schools) {
    const schools = (json.get('collections/schools.json') ?? []) as Doc[];
    if (schools.length !== 1) throw new ColumnError('RestoreArchiveNotOneSchool', { count: schools.length });
    const { id, slug: _slug, basePath: _basePath, ...fields } = schools[0]!;
    return { id: id as Id, fields, preSchools: false };
  }
  const settings = (json.get('globals/column-settings.json') ?? null) as OldColumnSettings | null;
  const { slug: _slug, basePath: _basePath, ...fields } = firstSchoolFrom(settings, '');
  return { id: undefined, fields, preSchools: true };
}

const KNOWN_ROLES = new Set<string>(ROLES.map((r) => r.value));

/**
 * An account's role in the archived school: its membership there, or (an
 * archive made before schools) the one role the account had, read the way
 * the upgrade to schools reads it. Null when the account had none there.
 */
export function archivedRole(user: Doc, school: ArchivedSchool): Role | null {
  if (school.preSchools) {
    const role = typeof user.role === 'string' ? user.role : '';
    return (KNOWN_ROLES.has(role) ? role : 'contributor') as Role;
  }
  const memberships = Array.isArray(user.schools) ? (user.schools as Doc[]) : [];
  const membership = memberships.find((m) => String(idOf(m.school)) === String(school.id));
  const role = typeof membership?.role === 'string' ? membership.role : '';
  return KNOWN_ROLES.has(role) ? (role as Role) : null;
}

const idOf = (ref: unknown): unknown =>
  typeof ref === 'object' && ref !== null && 'id' in ref ? (ref as { id: unknown }).id : ref;

/**
 * New names for one upload's files when any of them is taken on the target:
 * `anh.jpg` becomes `anh-1.jpg` and its sizes `anh-1-320x240.webp`, the way
 * Payload names a second upload of the same file; the first number that
 * frees every name wins. Empty when nothing clashes.
 */
export function freeFileNames(names: readonly string[], taken: ReadonlySet<string>): Map<string, string> {
  if (names.length === 0 || names.every((n) => !taken.has(n))) return new Map();
  const original = names[0]!;
  const dot = original.lastIndexOf('.');
  const base = dot > 0 ? original.slice(0, dot) : original;
  for (let n = 1; ; n++) {
    const renamed = new Map(names.map((name) => [name, renameWithBase(name, base, `${base}-${n}`)]));
    const chosen = [...renamed.values()];
    if (chosen.every((name) => !taken.has(name)) && new Set(chosen).size === chosen.length) return renamed;
  }
}

function renameWithBase(name: string, base: string, newBase: string): string {
  if (name === base || name.startsWith(`${base}.`) || name.startsWith(`${base}-`))
    return newBase + name.slice(base.length);
  return `${newBase}-${name}`;
}

/** An upload document with its file names (and the URLs that end in them) renamed. */
export function withRenamedFiles(doc: Doc, renames: ReadonlyMap<string, string>): Doc {
  if (renames.size === 0) return doc;
  const rename = (file: Doc): Doc => {
    const out: Doc = { ...file };
    if (typeof file.filename === 'string') out.filename = renames.get(file.filename) ?? file.filename;
    for (const key of ['url', 'thumbnailURL'])
      if (typeof file[key] === 'string') out[key] = renamedUrl(file[key], renames);
    return out;
  };
  const out = rename(doc);
  if (doc.sizes && typeof doc.sizes === 'object')
    out.sizes = Object.fromEntries(
      Object.entries(doc.sizes as Record<string, Doc | null>).map(([size, file]) => [size, file && rename(file)]),
    );
  return out;
}

/** `/api/media/file/anh.jpg` → `/api/media/file/anh-1.jpg`, whether the name in it is encoded or not. */
function renamedUrl(url: string, renames: ReadonlyMap<string, string>): string {
  for (const [from, to] of renames)
    for (const [f, t] of [
      [from, to],
      [encodeURIComponent(from), encodeURIComponent(to)],
    ] as const)
      if (url.endsWith(`/${f}`)) return url.slice(0, url.length - f.length) + t;
  return url;
}
