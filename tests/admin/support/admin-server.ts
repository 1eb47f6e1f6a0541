import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ensureAdminBuilt } from '../../../scripts/lib/admin-build';
import { freePort } from '../../support/ports';
import { RUN_JOBS_FLAG } from '../../../src/cms/config-options';

export type Account = { email: string; password: string; name: string; role: 'admin' | 'editor' | 'contributor' };

export const ACCOUNTS: Record<'admin' | 'editor' | 'editor2' | 'contributor' | 'forgetful', Account> = {
  admin: { email: 'quantri@truong.test', password: 'mat-khau-quan-tri-1', name: 'Quản trị', role: 'admin' },
  editor: { email: 'bientap@truong.test', password: 'mat-khau-bien-tap-1', name: 'Biên tập Một', role: 'editor' },
  editor2: { email: 'bientap2@truong.test', password: 'mat-khau-bien-tap-2', name: 'Biên tập Hai', role: 'editor' },
  contributor: { email: 'ctv@truong.test', password: 'mat-khau-ctv-1', name: 'Cộng tác viên', role: 'contributor' },
  /** Gets locked out by the wrong-password test. */
  forgetful: { email: 'hayquen@truong.test', password: 'mat-khau-hay-quen-1', name: 'Hay Quên', role: 'editor' },
};

/**
 * The admin as in production: the built Next app (`next build` when its
 * sources changed), served by scripts/cms-server.ts (as `npm start` does) on a free port, a fresh SQLite file migrated
 * on connect, and one account per role created through the REST API.
 */
export async function startAdminServer(
  options: { port?: number; env?: Record<string, string>; runJobs?: boolean; seed?: boolean } = {},
): Promise<{ url: string; stop: () => Promise<void>; env: Record<string, string>; seeded: SeededAccount[] }> {
  await ensureAdminBuilt();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-admin-'));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  /** The server's database, uploads and secret, for a second process on the same data (e.g. the Local API in a benchmark). */
  const env: Record<string, string> = {
    DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
    UPLOADS_DIR: path.join(dir, 'uploads'),
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
  };
  // `seed`: the demo district as `npm start` seeds it, instead of the test accounts.
  const seeded = options.seed ? await seedInto({ ...process.env, NODE_ENV: 'production', ...env }) : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.resolve('node_modules/tsx/dist/cli.mjs'),
      'scripts/cms-server.ts',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
      ...(options.runJobs ? [RUN_JOBS_FLAG] : []),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        ...env,
        SITE_BUILD_PAYLOAD_URL: url,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${url}/api/schools?limit=1&depth=0`, () => log);
    if (options.seed) return { url, stop, env, seeded };
    const first = await fetch(`${url}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: ACCOUNTS.admin.email,
        password: ACCOUNTS.admin.password,
        name: ACCOUNTS.admin.name,
      }),
    });
    if (!first.ok) throw new Error(`first-register → ${first.status}: ${await first.text()}`);
    // The first account is a platform admin and the admin of the install's first school: the others join it.
    const { token, user } = (await first.json()) as { token: string; user: { schools: { school: unknown }[] } };
    const school = user.schools[0]!.school;
    const schoolId = typeof school === 'object' && school !== null ? (school as { id: unknown }).id : school;
    for (const { role, ...account } of Object.values(ACCOUNTS).filter((a) => a !== ACCOUNTS.admin)) {
      const created = await fetch(`${url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ ...account, schools: [{ school: schoolId, role }] }),
      });
      if (!created.ok) throw new Error(`create ${account.email} → ${created.status}: ${await created.text()}`);
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- cms-server ---\n${log.slice(-3000)}`, { cause: error });
  }
  return { url, stop, env, seeded };
}

/** One demo account as `npm run seed` prints it once: role, e-mail, password, and the school or office it works in. */
export type SeededAccount = { role: string; email: string; password: string; place: string };

/** Runs the seed command on the server's database before it starts, reading the accounts from its one-time box. */
async function seedInto(env: NodeJS.ProcessEnv): Promise<SeededAccount[]> {
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seed → exit ${String(code)}\n${out.slice(-3000)}`);
  return out
    .split('\n')
    .filter((line) => line.startsWith('│ '))
    .map((line) => {
      const [role, email, password, ...place] = line.slice(2).trim().split(/\s+/);
      return { role: role!, email: email!, password: password!, place: place.join(' ') };
    });
}

async function waitFor(url: string, log: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(10_000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the admin did not answer at ${url}\n${log().slice(-3000)}`);
}

/** A school's site build status (by slug; default: the first one made, the only one of a one-school test install), through REST as the admin's dashboard reads it. */
export async function buildStatusOf(
  api: (method: string, route: string) => Promise<unknown>,
  school?: string,
): Promise<
  { state?: string; lastSuccessAt?: string; lastStartedAt?: string; missingFiles?: unknown[] } & Record<string, unknown>
> {
  const where = school ? `&where[school.slug][equals]=${encodeURIComponent(school)}` : '';
  const body = (await api('GET', `/api/site-builds?depth=0&limit=1&sort=createdAt${where}`)) as {
    docs?: Record<string, unknown>[];
  };
  return body.docs?.[0] ?? {};
}
