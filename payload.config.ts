import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { lexicalEditor } from '@payloadcms/richtext-lexical';
import { en } from '@payloadcms/translations/languages/en';
import { vi } from '@payloadcms/translations/languages/vi';
import { buildConfig } from 'payload';
import sharp from 'sharp';

import { Articles } from './src/cms/collections/Articles';
import { Documents } from './src/cms/collections/Documents';
import { Media } from './src/cms/collections/Media';
import { ModelStories } from './src/cms/collections/ModelStories';
import { TeachingResources } from './src/cms/collections/TeachingResources';
import { Topics } from './src/cms/collections/Topics';
import { Users } from './src/cms/collections/Users';
import { databaseAdapter } from './src/cms/database';
import { ColumnSettings } from './src/cms/globals/ColumnSettings';
import { SiteBuildStatus } from './src/cms/site-build/status-global';
import { rebuildSiteTask } from './src/cms/site-build/task';
import { REBUILD_QUEUE } from './src/cms/site-build/request';
import { allowedOrigins } from './src/domain/allowed-origins';
import { resolveSecret } from './src/domain/secret-policy';
import { storageFaultResponse } from './src/cms/hooks/storage-fault-response';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Refuse to serve with a missing, short or public secret in production. `next
// build` also runs with NODE_ENV=production but serves nothing, so it is let through.
const isNextBuild = process.env.NEXT_PHASE === 'phase-production-build';
const secret = resolveSecret(isNextBuild ? { ...process.env, NODE_ENV: 'development' } : process.env);
if (!secret.ok) throw new Error(secret.message);

const trustedOrigins = allowedOrigins(process.env);

export default buildConfig({
  secret: secret.secret,
  serverURL: process.env.PAYLOAD_PUBLIC_SERVER_URL ?? '',
  // The session cookie counts only from these origins, and only they get CORS answers (src/domain/allowed-origins.ts).
  csrf: trustedOrigins,
  cors: trustedOrigins,
  admin: {
    user: 'users',
    // Gravatar would load from outside; school networks may block it.
    avatar: 'default',
    meta: { titleSuffix: ' – Chuyên mục Bình đẳng giới' },
    importMap: { baseDir: dirname },
    dateFormat: 'dd/MM/yyyy HH:mm',
    components: {
      beforeDashboard: [
        '/src/cms/admin/CoveragePanel#CoveragePanel',
        '/src/cms/admin/BuildStatusPanel#BuildStatusPanel',
      ],
    },
  },
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
  },
  collections: [Articles, ModelStories, TeachingResources, Topics, Media, Documents, Users],
  globals: [ColumnSettings, SiteBuildStatus],
  hooks: { afterError: [storageFaultResponse] },
  editor: lexicalEditor({}),
  db: databaseAdapter(),
  sharp,
  upload: {
    // The transport limit: the largest any collection accepts. Each collection's
    // own limit (media 10 MB, documents 25 MB) is enforced by verifyUpload.
    limits: { fileSize: 50 * 1024 * 1024 },
  },
  graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000 },
  jobs: {
    tasks: [rebuildSiteTask],
    // Scheduled publishing (default queue, every minute) and site rebuilds (every
    // 5 s, one at a time). Only the long-running server runs the queues;
    // scripts and tests leave them off so they can exit.
    autoRun:
      process.env.CMS_RUN_JOBS === 'true'
        ? [
            { cron: '* * * * *', queue: 'default', limit: 10 },
            { cron: '*/5 * * * * *', queue: REBUILD_QUEUE, limit: 1 },
          ]
        : [],
  },
  typescript: {
    // Committed; `npm run generate:types` rewrites it and a test fails when it is stale
    // (tests/process/payload-types.test.ts). Ids are typed as SQLite's numbers; on MongoDB they are strings.
    autoGenerate: false,
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  // Command-line tools keep stdout for their output (JSON, CSV): their logs go to stderr.
  logger:
    process.env.CMS_LOG_TO_STDERR === 'true' ? { options: { level: 'warn' }, destination: process.stderr } : undefined,
  telemetry: false,
});
