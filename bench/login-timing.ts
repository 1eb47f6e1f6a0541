/**
 * What a login's timing tells about accounts: the real server
 * (scripts/cms-server.ts, production build, SQLite), a wrong password for a
 * real account against a login for an e-mail that has no account, and the
 * same pair for forgot-password, alternating, 30 samples each. The baseline
 * is the real account's answer in the same run: the ratio should be ~1×
 * (before issue 13 it was 6 ms against 86 ms for login, ~0.07×).
 * Results: bench/results/login.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';

import { ACCOUNTS, startAdminServer } from '../tests/admin/support/admin-server';
import { median, percentiles, round } from './support/stats';

const SAMPLES = Number(process.env.BENCH_LOGIN_SAMPLES ?? 30);

async function timed(url: string, route: string, body: unknown): Promise<{ ms: number; status: number; text: string }> {
  const started = performance.now();
  const response = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, text };
}

function summary(values: number[]) {
  return { medianMs: round(median(values), 1), p95Ms: percentiles(values).p95 };
}

export async function benchLogin() {
  const server = await startAdminServer({ env: { LOGIN_RATE_LIMIT: '100000' } });
  try {
    const pairs = {
      login: [
        { route: '/api/users/login', body: { email: ACCOUNTS.editor2.email, password: 'sai-mat-khau' } },
        { route: '/api/users/login', body: { email: 'khong-co-tai-khoan@truong.test', password: 'sai-mat-khau' } },
      ],
      forgotPassword: [
        { route: '/api/users/forgot-password', body: { email: ACCOUNTS.editor2.email } },
        { route: '/api/users/forgot-password', body: { email: 'khong-co-tai-khoan@truong.test' } },
      ],
    } as const;
    const admin = await timed(server.url, '/api/users/login', {
      email: ACCOUNTS.admin.email,
      password: ACCOUNTS.admin.password,
    });
    const { token } = JSON.parse(admin.text) as { token: string };
    // 5 wrong passwords lock an account, and a locked one answers at once: unlocked before each round.
    const unlock = () =>
      fetch(`${server.url}/api/users/unlock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ email: ACCOUNTS.editor2.email }),
      });
    const out: Record<string, unknown> = {
      samples: SAMPLES,
      server: 'scripts/cms-server.ts (production build), SQLite, loopback',
    };
    for (const [name, [known, unknown]] of Object.entries(pairs)) {
      // A few unmeasured rounds first (the first requests compile routes).
      const real: number[] = [];
      const none: number[] = [];
      const answers = new Set<string>();
      for (let i = -3; i < SAMPLES; i++) {
        if (name === 'login') await unlock();
        const a = await timed(server.url, known.route, known.body);
        const b = await timed(server.url, unknown.route, unknown.body);
        if (i < 0) continue;
        real.push(a.ms);
        none.push(b.ms);
        answers.add(`${a.status} ${a.text}`).add(`${b.status} ${b.text}`);
      }
      const r = summary(real);
      const n = summary(none);
      out[name] = {
        realAccount: r,
        unknownEmail: n,
        ratio: round(n.medianMs / r.medianMs, 2),
        sameAnswer: answers.size === 1,
      };
      console.log(
        `${name}: real account ${r.medianMs} ms, unknown e-mail ${n.medianMs} ms (${round(n.medianMs / r.medianMs, 2)}×), same answer: ${answers.size === 1}`,
      );
    }
    await mkdir(new URL('./results/', import.meta.url), { recursive: true });
    await writeFile(new URL('./results/login.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
    return out;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLogin();
