import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { PUBLIC_SECRETS } from '../../src/domain/secret-policy';
import { bin, ROOT, run } from './run';

/** Secrets that appear in the README: each must be refused in production. */
async function readmeSecrets(): Promise<string[]> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/PAYLOAD_SECRET=([^\s`'"]+)/g)].map((m) => m[1]!).filter((v) => !v.startsWith('$'));
}

describe('production refuses an unsafe PAYLOAD_SECRET', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-secret-'));
  const env = { NODE_ENV: 'production', DATABASE_URI: `file:${path.join(dir, 'cms.db')}` };
  const cases: [string, string | undefined, RegExp][] = [
    ['missing', undefined, /Thiếu PAYLOAD_SECRET/],
    ['shorter than 32 characters', 'ngan-qua-chi-20-ky-tu', /quá ngắn: 21 ký tự/],
    ...(await readmeSecrets()).map((s): [string, string, RegExp] => [
      `the README value ${s}`,
      s,
      /giá trị mẫu công khai/,
    ]),
  ];

  it('the README names at least one example secret, and every one is on the refused list', async () => {
    const secrets = await readmeSecrets();
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(PUBLIC_SECRETS).toContain(s);
  });

  for (const [name, secret, message] of cases) {
    it(`npm start stops before anything runs when the secret is ${name}`, async () => {
      const result = await run(bin('tsx'), ['scripts/start.ts'], { ...env, PAYLOAD_SECRET: secret });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).not.toMatch(/migrations|next build/);
    });

    it(`the payload CLI (which loads the CMS config) fails when the secret is ${name}`, async () => {
      const result = await run(bin('payload'), ['migrate:status'], { ...env, PAYLOAD_SECRET: secret });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
    });
  }

  it('a long random secret is accepted, and production migrates the empty database on connect', async () => {
    const result = await run(bin('payload'), ['migrate:status'], {
      ...env,
      PAYLOAD_SECRET: 'b3f1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Migrated:\s+\d+_\d+_initial/);
  });
});
