import { describe, expect, it } from 'vitest';

import { freePort } from '../support/ports';
import { bin, run } from './run';

describe('an unreachable MongoDB', () => {
  it('the seed command exits with one clear message naming the host, never the password', async () => {
    const port = await freePort();
    const result = await run(bin('tsx'), ['scripts/seed.ts'], {
      DATABASE_URI: `mongodb://giaovien:mat-khau-bi-mat@127.0.0.1:${port}/chuyen-muc?authSource=admin`,
      PAYLOAD_SECRET: 'test-secret-for-vitest-runs-only-0123456789',
    });
    expect(result.code).toBe(1);
    // Whole process, including tsx and config start-up on a loaded machine:
    // only guards against the driver's 30 s default; the deadline is checked below.
    expect(result.ms).toBeLessThan(25_000);
    expect(result.stderr).toContain(`Không kết nối được tới MongoDB tại 127.0.0.1:${port}`);
    expect(result.stderr).toContain(`Cannot reach MongoDB at 127.0.0.1:${port}`);
    expect(result.stderr).toMatch(/Hãy kiểm tra/);
    expect(result.stdout + result.stderr).not.toContain('mat-khau-bi-mat');
    expect(result.stderr, 'no stack trace or JSON dump').not.toMatch(/\n\s+at |"topologyVersion"/);
  });

  it('makes the CMS fail to start within 10 s with DatabaseUnreachableError', async () => {
    const port = await freePort();
    process.env.DATABASE_URI = `mongodb://giaovien:mat-khau-bi-mat@127.0.0.1:${port}/chuyen-muc`;
    process.env.PAYLOAD_SECRET = 'test-secret-for-vitest-runs-only-0123456789';
    const config = await (await import('../../payload.config')).default;
    const { getPayload } = await import('payload');
    const started = Date.now();
    const error = await getPayload({ config }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    const elapsed = Date.now() - started;
    expect(error?.name).toBe('DatabaseUnreachableError');
    expect(error?.message).toContain(`127.0.0.1:${port}`);
    expect(error?.message).not.toContain('mat-khau-bi-mat');
    expect(elapsed, 'the deadline the issue sets').toBeLessThan(10_000);
  });
});
