/**
 * Which database the CMS uses, from DATABASE_URI. Pure, so the choice and its
 * error messages are unit-tested without a database.
 */

export type DatabaseChoice =
  | { kind: 'sqlite'; url: string; /** Path of the file on disk, relative to the working directory. */ file: string }
  | { kind: 'mongodb'; url: string; /** host[:port] list, never the credentials. */ hosts: string };

export const DEFAULT_SQLITE_URL = 'file:./data/cms.db';

export function chooseDatabase(uri: string | undefined): DatabaseChoice {
  const value = uri?.trim() ?? '';
  if (value === '') return { kind: 'sqlite', url: DEFAULT_SQLITE_URL, file: DEFAULT_SQLITE_URL.slice('file:'.length) };
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length);
    if (!file) throw new Error('DATABASE_URI "file:" names no file. Example: DATABASE_URI=file:./data/cms.db');
    return { kind: 'sqlite', url: value, file };
  }
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url: value, hosts: mongoHosts(value) };
  }
  throw new Error(
    `DATABASE_URI must start with "file:", "mongodb://" or "mongodb+srv://" (got "${redact(value)}"). ` +
      'Leave it unset to use the embedded SQLite file data/cms.db.',
  );
}

/** The host list of a MongoDB URI, with any user name and password removed. */
export function mongoHosts(uri: string): string {
  const withoutScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const authority = withoutScheme.split(/[/?]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  return at >= 0 ? authority.slice(at + 1) : authority;
}

/** A URI safe to print: the password replaced by ***. */
export function redact(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
}

export function mongoUnreachableMessage(hosts: string, timeoutMs: number, cause: string): string {
  return [
    `Không kết nối được tới MongoDB tại ${hosts} sau ${Math.round(timeoutMs / 1000)} giây.`,
    `Cannot reach MongoDB at ${hosts} within ${Math.round(timeoutMs / 1000)} s (${cause}).`,
    'Hãy kiểm tra: máy chủ MongoDB đang chạy, địa chỉ và cổng trong DATABASE_URI đúng, tường lửa cho phép kết nối, tên người dùng/mật khẩu đúng.',
    'Check that the server is running, the host and port in DATABASE_URI are right, the firewall allows the connection, and the credentials are valid.',
  ].join('\n');
}
