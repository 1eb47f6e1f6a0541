/**
 * Turns a storage failure (SQLite file locked or read-only, disk full,
 * MongoDB gone) into a message for the person who was saving, with what to
 * do. Anything else is not ours to explain: undefined.
 */
import { renderMessage } from '../messages/catalogue';

export type StorageFault = {
  kind: 'locked' | 'read-only' | 'disk-full' | 'unreachable';
  status: 503 | 507;
  /** The catalogue message (src/messages/catalogue.ts). */
  name: StorageFaultName;
  message: string;
};

type StorageFaultName = 'DatabaseLocked' | 'DatabaseReadOnly' | 'DiskFull' | 'DatabaseLost';

const FAULTS: { kind: StorageFault['kind']; status: 503 | 507; match: RegExp; name: StorageFaultName }[] = [
  {
    kind: 'locked',
    status: 503,
    match: /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i,
    name: 'DatabaseLocked',
  },
  {
    kind: 'read-only',
    status: 503,
    match:
      /SQLITE_READONLY|readonly database|read-only file system|EROFS|SQLITE_CANTOPEN|unable to open database file/i,
    name: 'DatabaseReadOnly',
  },
  {
    kind: 'disk-full',
    status: 507,
    match: /SQLITE_FULL|database or disk is full|ENOSPC|no space left/i,
    name: 'DiskFull',
  },
  {
    kind: 'unreachable',
    status: 503,
    match: /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoTopologyClosedError/,
    name: 'DatabaseLost',
  },
];

export function describeStorageFault(error: unknown): StorageFault | undefined {
  const text = causeChain(error).join('\n');
  const fault = FAULTS.find((f) => f.match.test(text));
  return fault && { kind: fault.kind, status: fault.status, name: fault.name, message: renderMessage(fault.name).text };
}

/** Names, codes and messages of an error and its causes (drizzle wraps the driver's error). */
function causeChain(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 8) return error === undefined ? [] : [String(error)];
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  return [String(e.name ?? ''), String(e.code ?? ''), String(e.message ?? ''), ...causeChain(e.cause, depth + 1)];
}
