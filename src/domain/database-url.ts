/**
 * Which database the CMS uses, from DATABASE_URI. Pure, so the choice and its
 * error messages (catalogue entries DatabaseUri…, MongoUnreachable) are
 * unit-tested without a database.
 */

import { renderMessage } from '../messages/catalogue';
import { ColumnError } from '../messages/column-error';

export type DatabaseChoice =
  | { kind: 'sqlite'; url: string; /** Path of the file on disk, relative to the working directory. */ file: string }
  | { kind: 'mongodb'; url: string; /** host[:port] list, never the credentials. */ hosts: string };

export const DEFAULT_SQLITE_URL = 'file:./data/cms.db';

export function chooseDatabase(uri: string | undefined): DatabaseChoice {
  const value = uri?.trim() ?? '';
  if (value === '') return { kind: 'sqlite', url: DEFAULT_SQLITE_URL, file: DEFAULT_SQLITE_URL.slice('file:'.length) };
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length);
    if (!file) throw new ColumnError('DatabaseUriNoFile');
    return { kind: 'sqlite', url: value, file };
  }
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url: value, hosts: mongoHosts(value) };
  }
  throw new ColumnError('DatabaseUriUnsupported', { value: redact(value) });
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

/** The catalogue's MongoUnreachable details; `cause` is the driver's first line, without the URI. */
export function mongoUnreachableDetails(hosts: string, timeoutMs: number, cause: string) {
  return { hosts, seconds: Math.round(timeoutMs / 1000), cause };
}

/** MongoUnreachable's text: what went wrong, then what to check, in both languages. */
export function mongoUnreachableMessage(hosts: string, timeoutMs: number, cause: string): string {
  return renderMessage('MongoUnreachable', mongoUnreachableDetails(hosts, timeoutMs, cause)).text;
}
