import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Payload, SanitizedConfig } from 'payload';
import { afterAll, beforeAll } from 'vitest';

import { createStaff, type Staff } from './fixtures';

import { STAND_IN_LABEL, startMongoStandIn } from './mongo-standin';
import { reloadSettings } from '../../src/settings';

export type Backend = 'sqlite' | 'mongo-standin' | 'mongodb';

export const backend: Backend = (process.env.TEST_BACKEND as Backend | undefined) ?? 'sqlite';

/** Human name of the database a test ran on; the stand-in is never called MongoDB. */
export const backendLabel: Record<Backend, string> = {
  sqlite: 'SQLite (embedded)',
  'mongo-standin': STAND_IN_LABEL,
  mongodb: 'MongoDB (MONGODB_URI)',
};

/** What the stand-in cannot honour (see STACK-NOTES); such tests are reported as not run on it. */
export const standInLimits = {
  uniqueIndexes: backend === 'mongo-standin',
  transactions: backend === 'mongo-standin',
  /**
   * The stand-in's updateOne reads the documents and then writes them, so two conditional writes at the
   * same instant (Payload's job claim, the build lease) can both succeed; SQLite and MongoDB do them atomically.
   */
  atomicConditionalWrites: backend === 'mongo-standin',
};

export type TestCms = { payload: Payload; config: SanitizedConfig; uploadsDir: string; stop: () => Promise<void> };

/**
 * A fresh CMS for one test file: its own database (temporary SQLite file, a
 * stand-in server, or a new database on MONGODB_URI) and its own uploads folder.
 *
 * `runJobs`: the config of a process that runs the job queues (npm start's
 * server), but with Payload's cron ticks not started, so that a test can tell
 * that a job ran by another way (the site rebuild's wake-up) and not by a tick.
 */
export async function startTestCms(options: { runJobs?: boolean } = {}): Promise<TestCms> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-cms-'));
  let stopDatabase = async () => {};
  if (backend === 'sqlite') {
    process.env.DATABASE_URI = `file:${path.join(dir, 'cms.db')}`;
  } else if (backend === 'mongo-standin') {
    const server = await startMongoStandIn();
    process.env.DATABASE_URI = server.uri;
    stopDatabase = server.stop;
  } else {
    const base = process.env.MONGODB_URI;
    if (!base) throw new Error('TEST_BACKEND=mongodb needs MONGODB_URI');
    process.env.DATABASE_URI = withDatabaseName(base, `ge_test_${path.basename(dir).replace(/\W/g, '')}`);
  }
  process.env.UPLOADS_DIR = path.join(dir, 'uploads');
  // Mails of a test file land in its own folder (no SMTP_URL) or its own SMTP server (tests/support/smtp.ts).
  process.env.MAIL_OUTBOX_DIR = path.join(dir, 'outbox');
  process.env.PAYLOAD_SECRET ??= 'test-secret-for-vitest-runs-only-0123456789';
  // Modules this test file imported may have read the settings already (with the
  // default database): the CMS must use this file's own database and folder.
  reloadSettings();

  const { getPayload } = await import('payload');
  const config = options.runJobs
    ? await (
        await import('../../src/cms/config')
      ).buildCmsConfig((await import('../../src/settings')).settings(), {
        runJobs: true,
      })
    : await (
        await import('../../payload.config')
      ).default;
  const payload = await getPayload({ config });
  return {
    payload,
    config,
    uploadsDir: process.env.UPLOADS_DIR,
    stop: async () => {
      if (backend === 'mongodb')
        await (payload.db as unknown as { connection: { dropDatabase(): Promise<void> } }).connection.dropDatabase();
      await payload.destroy();
      await stopDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function withDatabaseName(uri: string, name: string): string {
  const [base, query] = uri.split('?', 2) as [string, string | undefined];
  const host = /^(mongodb(?:\+srv)?:\/\/[^/]+)/.exec(base)?.[1] ?? base;
  return `${host}/${name}${query ? `?${query}` : ''}`;
}

/**
 * For a test file: a fresh CMS and one account per role, made before its
 * tests and removed after them. Read `cms` and `staff` inside tests and hooks.
 */
export function useCmsWithStaff(): { cms: TestCms; staff: Staff } {
  const context = {} as { cms: TestCms; staff: Staff };
  beforeAll(async () => {
    context.cms = await startTestCms();
    context.staff = await createStaff(context.cms.payload);
  });
  afterAll(async () => context.cms?.stop());
  return context;
}
