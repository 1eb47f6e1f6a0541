import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = path.resolve('data', '.payload-secret');

/**
 * On the embedded default, when PAYLOAD_SECRET is not given, the first run
 * creates a random secret in data/.payload-secret (gitignored, mode 600) so that
 * `npm start` works on a fresh clone without ever using a public value. Not
 * when the caller set NODE_ENV=production: a real deployment brings its own.
 */
export function ensureLocalSecret(env: NodeJS.ProcessEnv = process.env): void {
  // A deployment that says it is production must bring its own secret.
  if (env.PAYLOAD_SECRET || env.NODE_ENV === 'production') return;
  let secret: string;
  try {
    secret = readFileSync(SECRET_FILE, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    secret = randomBytes(32).toString('hex');
    writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  }
  env.PAYLOAD_SECRET = secret;
}
