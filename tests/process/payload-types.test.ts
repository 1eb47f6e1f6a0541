import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ROOT, bin, run } from './run';

/**
 * src/payload-types.ts is generated from payload.config.ts and committed, so
 * hooks and access rules are typed against the real documents. Generating it
 * again from the current config must give the same file: a collection changed
 * without `npm run generate:types` fails here, not as a wrong type later.
 */
describe('the committed Payload types', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-types-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('match what `payload generate:types` makes from the current config', async () => {
    const fresh = path.join(dir, 'payload-types.ts');
    const result = await run(
      bin('payload'),
      ['generate:types'],
      {
        // Payload's own override of typescript.outputFile, so the committed file is left alone.
        PAYLOAD_TS_OUTPUT_PATH: fresh,
        // The types follow the default database (SQLite: numeric ids), whatever a local .env says.
        DATABASE_URI: `file:${path.join(dir, 'types.db')}`,
      },
      120_000,
    );
    expect(result.code, result.stderr || result.stdout).toBe(0);
    const committed = await readFile(path.join(ROOT, 'src/payload-types.ts'), 'utf8');
    const generated = await readFile(fresh, 'utf8');
    if (generated !== committed) {
      expect.fail(
        'src/payload-types.ts is stale: the Payload config changed since it was generated. ' +
          'Run `npm run generate:types` and commit the result.',
      );
    }
  }, 150_000);
});
