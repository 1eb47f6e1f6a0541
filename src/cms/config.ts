import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { lexicalEditor } from '@payloadcms/richtext-lexical';
import { en } from '@payloadcms/translations/languages/en';
import { vi } from '@payloadcms/translations/languages/vi';
import { buildConfig, type SanitizedConfig } from 'payload';
import sharp from 'sharp';

import { Articles } from './collections/Articles';
import { Documents } from './collections/Documents';
import { Media } from './collections/Media';
import { ModelStories } from './collections/ModelStories';
import { TeachingResources } from './collections/TeachingResources';
import { Topics } from './collections/Topics';
import { QuarterRecords } from './collections/QuarterRecords';
import { Schools } from './collections/Schools';
import { SelfReportedSchools } from './collections/SelfReportedSchools';
import { Users } from './collections/Users';
import { mailAdapter } from './mail/adapter';
import { MailOutbox } from './mail/outbox-collection';
import { RemindersSent } from './mail/sent-log-collection';
import { deliverMailTask, MAIL_QUEUE, sendRemindersTask } from './mail/tasks';
import { databaseAdapter } from './database';
import { closeQuartersTask, DISTRICT_QUEUE } from './district/close-quarters-task';
import { fetchSelfReportsTask } from './district/self-reports-task';
import { districtReportEndpoints } from './district/report-endpoints';
import { evidenceEndpoints } from './district/evidence-endpoint';
import { schoolsPlugin } from './multi-tenant';
import { SiteBuilds } from './site-build/status-collection';
import { rebuildSiteTask } from './site-build/task';
import { REBUILD_QUEUE } from './site-build/request';
import { allowedOrigins } from '../domain/allowed-origins';
import { resolveSecret } from '../domain/secret-policy';
import { storageFaultResponse } from './hooks/storage-fault-response';
import type { Settings } from '../settings';
import type { CmsConfigOptions } from './config-options';

/** The project's root (this file is src/cms/config.ts). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The CMS config from the settings (src/settings.ts) and the options only the
 * project's own commands choose. payload.config.ts, which Next.js and
 * Payload's CLI load, is `buildCmsConfig(settings(), cmsServerOptions())`;
 * the scripts and tests call this with their options.
 */
export function buildCmsConfig(settings: Settings, options: CmsConfigOptions = {}): Promise<SanitizedConfig> {
  // Refuse to serve with a missing, short or public secret in production. `next
  // build` also runs with NODE_ENV=production but serves nothing, so it is let through.
  const isNextBuild = settings.NEXT_PHASE === 'phase-production-build';
  const secret = resolveSecret(isNextBuild ? { ...settings, NODE_ENV: 'development' } : settings);
  if (!secret.ok) throw secret.error;

  const trustedOrigins = allowedOrigins(settings);

  return buildConfig({
    secret: secret.secret,
    serverURL: settings.PAYLOAD_PUBLIC_SERVER_URL ?? '',
    // The session cookie counts only from these origins, and only they get CORS answers (src/domain/allowed-origins.ts).
    csrf: trustedOrigins,
    cors: trustedOrigins,
    admin: {
      user: 'users',
      // Gravatar would load from outside; school networks may block it.
      avatar: 'default',
      meta: { titleSuffix: ' – Chuyên mục Bình đẳng giới' },
      importMap: { baseDir: root },
      dateFormat: 'dd/MM/yyyy HH:mm',
      components: {
        beforeDashboard: [
          '/src/cms/admin/CoveragePanel#CoveragePanel',
          '/src/cms/admin/BuildStatusPanel#BuildStatusPanel',
          '/src/cms/mail/MailStatusPanel#MailStatusPanel',
        ],
        afterNavLinks: ['/src/cms/district/DistrictNavLink#DistrictNavLink'],
        views: {
          // The district dashboard (district officers and platform admins; each view checks the account).
          district: {
            Component: '/src/cms/district/DistrictDashboardView#DistrictDashboardView',
            path: '/district',
            exact: true,
            meta: { title: 'Tổng hợp các trường' },
          },
          districtQuarter: {
            Component: '/src/cms/district/DistrictQuarterView#DistrictQuarterView',
            path: '/district/:school/:quarter',
            exact: true,
            meta: { title: 'Một quý của một trường' },
          },
          // A school's evidence for the annual report (its admins, district officers, platform admins), and every school's (`?year=`).
          districtEvidenceAll: {
            Component: '/src/cms/district/EvidenceView#EvidenceView',
            path: '/district/evidence',
            exact: true,
            meta: { title: 'Minh chứng các trường' },
          },
          districtEvidence: {
            Component: '/src/cms/district/EvidenceView#EvidenceView',
            path: '/district/evidence/:school/:year',
            exact: true,
            meta: { title: 'Minh chứng của trường' },
          },
        },
      },
    },
    i18n: {
      supportedLanguages: { vi, en },
      fallbackLanguage: 'vi',
    },
    collections: [
      Articles,
      ModelStories,
      TeachingResources,
      Topics,
      Media,
      Documents,
      Schools,
      QuarterRecords,
      SelfReportedSchools,
      Users,
      SiteBuilds,
      MailOutbox,
      RemindersSent,
    ],
    plugins: [schoolsPlugin()],
    hooks: { afterError: [storageFaultResponse] },
    endpoints: [...districtReportEndpoints, ...evidenceEndpoints],
    email: mailAdapter(settings),
    editor: lexicalEditor({}),
    db: databaseAdapter(settings, { sqliteTransactions: options.sqliteTransactions }),
    sharp,
    upload: {
      // The transport limit: the largest any collection accepts. Each collection's
      // own limit (media 10 MB, documents 25 MB) is enforced by verifyUpload.
      limits: { fileSize: 50 * 1024 * 1024 },
    },
    graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000 },
    jobs: {
      tasks: [rebuildSiteTask, closeQuartersTask, fetchSelfReportsTask, deliverMailTask, sendRemindersTask],
      // One rebuild per school at a time, across every runner sharing the database (src/cms/site-build/task.ts).
      enableConcurrencyControl: true,
      // Scheduled publishing (default queue, every minute), site rebuilds (every
      // 5 s, one at a time) and the district's jobs: quarter closing, self-reports fetching (its schedule is
      // queued by the district entry: autoRun handles a queue's schedules unless
      // told not to). Only the long-running server runs the queues; scripts and
      // tests leave them off so they can exit. The site queue's tick is only the fallback: a rebuild
      // queued in a process whose list has the site queue is woken when its debounce ends
      // (src/cms/site-build/wake.ts reads this list to know).
      autoRun: options.runJobs
        ? [
            // Only the district entry handles schedules: the others would read the schedule stats at every tick.
            { cron: '* * * * *', queue: 'default', limit: 10, disableScheduling: true },
            { cron: '*/5 * * * * *', queue: REBUILD_QUEUE, limit: 1, disableScheduling: true },
            // The district's jobs, every minute (a new self-reported school is fetched within one).
            { cron: '* * * * *', queue: DISTRICT_QUEUE, limit: 10 },
            // Mail: delivery and retries every 30 s, the reminder pass hourly (src/cms/mail/tasks.ts).
            { cron: '*/10 * * * * *', queue: MAIL_QUEUE, limit: 5 },
          ]
        : [],
    },
    typescript: {
      // Committed; `npm run generate:types` rewrites it and a test fails when it is stale
      // (tests/process/payload-types.test.ts). Ids are typed as SQLite's numbers; on MongoDB they are strings.
      autoGenerate: false,
      outputFile: path.resolve(root, 'src/payload-types.ts'),
    },
    // Command-line tools keep stdout for their output (JSON, CSV): their logs go to stderr.
    logger: options.logToStderr ? { options: { level: 'warn' }, destination: process.stderr } : undefined,
    telemetry: false,
  });
}
