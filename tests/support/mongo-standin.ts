// Starts the in-process MongoDB-wire stand-in for tests that exercise the
// MongoDB code path (mongoose adapter, string ids, queries) on a machine where
// no real mongod can be installed. It is NOT MongoDB: unique indexes are not
// enforced, transactions are no-ops, join fields and string _ids fail (see
// /work/shared/STACK-NOTES.md). Report results with STAND_IN_LABEL, and mark
// tests that depend on those behaviours as not run rather than faking them.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const STAND_IN_LABEL = 'MongoDB-wire stand-in (@push.rocks/smartmongo CongoServer; not MongoDB)';

const VERSION = '2.2.0';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SETUP_SCRIPT = `${ROOT}scripts/setup-mongo-standin.mjs`;
const STANDIN_DIR = `${ROOT}node_modules/.cache/mongo-standin/`;
const MARKER = `${STANDIN_DIR}.standin-installed.json`;
const ENTRY = `${STANDIN_DIR}dist_ts/congodb/index.js`;

// The subset of CongoServer (dist_ts/congodb/server/CongoServer.d.ts) we use.
// `server` is private in its typings; see startMongoStandIn for why we read it.
interface CongoServerLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  server?: Server | null;
}
type CongoServerCtor = new (options?: { port?: number; host?: string; storage?: 'memory' | 'file' }) => CongoServerLike;

// Cheap check so warm starts don't pay for spawning a process; the setup
// script stays the authority (it also re-checks the recipe hash in the marker).
function installed(): boolean {
  try {
    return existsSync(ENTRY) && JSON.parse(readFileSync(MARKER, 'utf8')).version === VERSION;
  } catch {
    return false;
  }
}

function ensureInstalled(): void {
  if (installed()) return;
  // process.execPath: the Node 24 running the tests, never the old system Node.
  const r = spawnSync(process.execPath, [SETUP_SCRIPT], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0 || !installed()) {
    throw new Error(
      `${STAND_IN_LABEL}: setup failed (exit ${r.status ?? r.signal}); run \`node scripts/setup-mongo-standin.mjs\` for details`,
    );
  }
}

export async function startMongoStandIn(): Promise<{ uri: string; stop: () => Promise<void> }> {
  ensureInstalled();
  const { CongoServer } = (await import(pathToFileURL(ENTRY).href)) as { CongoServer: CongoServerCtor };

  // Port 0 lets the OS pick a free port with no probe-then-bind race. CongoServer
  // passes 0 straight to net.Server.listen but its `port` getter and
  // getConnectionUri() then report 0, so the real port comes from the
  // underlying net.Server (pinned to 2.2.0, so this private field is stable).
  const server = new CongoServer({ host: '127.0.0.1', port: 0, storage: 'memory' });
  await server.start();
  const address = server.server?.address() as AddressInfo | null | undefined;
  if (!address || typeof address.port !== 'number' || address.port === 0) {
    await server.stop();
    throw new Error(`${STAND_IN_LABEL}: could not determine the listening port`);
  }

  // A fresh database name per start keeps parallel test files apart even if
  // they ever share a server.
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  return {
    uri: `mongodb://127.0.0.1:${address.port}/${dbName}`,
    // Destroys open sockets and closes the listener. Close mongoose/MongoClient
    // first: a client left connected keeps retrying (and the process alive).
    stop: () => server.stop(),
  };
}
