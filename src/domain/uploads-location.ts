/**
 * Which folder holds a database's uploaded files when UPLOADS_DIR is not set.
 * Pure (paths only, no file system), so every case is unit-tested.
 *
 * The folder belongs to its database, so two databases on one machine never
 * share one folder by accident (a restore into a second database once moved
 * the live install's files aside):
 * - the default SQLite file (data/cms.db) keeps `data/uploads`, where every
 *   install made so far already has its files (an upgrade strands nothing);
 * - any other SQLite file `<dir>/<name>.db` → `<dir>/<name>-uploads`;
 * - MongoDB → `data/uploads-<database name>` (`test` when the URI names none,
 *   as the MongoDB driver does).
 */
import path from 'node:path';

import { chooseDatabase, DEFAULT_SQLITE_URL } from './database-url';

/** The folder every install used before uploads belonged to their database. */
export const LEGACY_UPLOADS_DIR = path.join('data', 'uploads');

/** The database name a MongoDB URI selects (the driver's default `test` when none). */
export function mongoDatabaseName(uri: string): string {
  const withoutScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const slash = withoutScheme.search(/[/?]/);
  if (slash < 0 || withoutScheme[slash] === '?') return 'test';
  const name = decodeURIComponent(withoutScheme.slice(slash + 1).split('?', 1)[0] ?? '');
  return name || 'test';
}

/** A database name as a folder name: letters, digits, `.`, `_` and `-` only. */
function folderSafe(name: string): string {
  return name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');
}

/** The SQLite file a `file:` URL names, without libsql's `?query`. */
export function sqliteFilePath(file: string): string {
  const withoutQuery = file.split('?', 1)[0] ?? '';
  // file:///abs/path and file://localhost/abs/path are absolute; file:./x and file:x relative.
  return withoutQuery.replace(/^\/\/(localhost)?(?=\/)/, '');
}

/**
 * The default uploads folder for DATABASE_URI, relative to `cwd` (the project
 * folder) unless the database file is absolute. Throws as chooseDatabase does
 * on a URI it cannot use.
 */
export function defaultUploadsDir(databaseUri: string | undefined, cwd: string): string {
  return folderOfDatabase(databaseUri, cwd, 'uploads');
}

/** UPLOADS_DIR when set (and not blank), else the database's own folder. */
export function uploadsRoot(env: { UPLOADS_DIR?: string; DATABASE_URI?: string }, cwd: string): string {
  const explicit = env.UPLOADS_DIR?.trim();
  return explicit ? path.resolve(cwd, explicit) : defaultUploadsDir(env.DATABASE_URI, cwd);
}

/**
 * Where mails are written as `.eml` files without SMTP_URL: MAIL_OUTBOX_DIR,
 * else beside the database by the same rule as uploads (`data/outbox` for the
 * default file, `<dir>/<name>-outbox`, `data/outbox-<database name>`), so a
 * test's or a second install's mails never land in another's folder.
 */
export function outboxRoot(env: { MAIL_OUTBOX_DIR?: string; DATABASE_URI?: string }, cwd: string): string {
  const explicit = env.MAIL_OUTBOX_DIR?.trim();
  return explicit ? path.resolve(cwd, explicit) : folderOfDatabase(env.DATABASE_URI, cwd, 'outbox');
}

function folderOfDatabase(databaseUri: string | undefined, cwd: string, what: 'uploads' | 'outbox'): string {
  const choice = chooseDatabase(databaseUri);
  const legacy = path.join('data', what);
  if (choice.kind === 'mongodb') return path.resolve(cwd, `${legacy}-${folderSafe(mongoDatabaseName(choice.url))}`);
  const file = path.resolve(cwd, sqliteFilePath(choice.file));
  const defaultFile = path.resolve(cwd, sqliteFilePath(DEFAULT_SQLITE_URL.slice('file:'.length)));
  if (file === defaultFile) return path.resolve(cwd, legacy);
  const base = path.basename(file).replace(/\.(db|sqlite3?|sqlite)$/i, '');
  return path.join(path.dirname(file), `${folderSafe(base) || 'cms'}-${what}`);
}
