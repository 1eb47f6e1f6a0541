/**
 * Every setting a person may give the project, read from the environment in
 * one place and parsed once with zod: types, defaults, and one message naming
 * the variable when a value is wrong. Nothing else in src/ reads
 * `process.env`; collections, hooks, the site and the scripts get their
 * values from `settings()` (or from a `Settings` they are handed).
 *
 * Every variable is listed, with its default and meaning, in `.env.example`
 * and the README's "Configuration (environment)" table; a unit test keeps the
 * three in step. An empty value (`SITE_URL=`) always means "not set".
 *
 * The switches the project's own commands set for themselves (SQLite
 * transactions for `restore`, logs on stderr for the CLIs, the job queues of
 * the CMS server, the site build's output folder) are not here: they are
 * arguments of `buildCmsConfig` (src/cms/config-options.ts) and of the build.
 */
import { z } from 'zod';

import { parseTrustProxy, TrustProxyError } from './domain/client-address';
import { formatForTerminal, renderMessage } from './messages/catalogue';

type Expected = { vi: string; en: string };

/** What a variable must look like, in both languages (the message when it does not). */
const EXPECTED = {
  port: { vi: 'cần một số cổng từ 1 đến 65535, ví dụ 3000', en: 'expected a port number from 1 to 65535, e.g. 3000' },
  megabytes: { vi: 'cần một số dương (megabyte), ví dụ 10', en: 'expected a positive number of megabytes, e.g. 10' },
  megapixels: {
    vi: 'cần một số dương (triệu điểm ảnh), ví dụ 40',
    en: 'expected a positive number of megapixels, e.g. 40',
  },
  count: { vi: 'cần một số nguyên dương, ví dụ 20', en: 'expected a positive whole number, e.g. 20' },
  milliseconds: {
    vi: 'cần một số mili giây (0 trở lên), ví dụ 5000',
    en: 'expected a number of milliseconds (0 or more), e.g. 5000',
  },
  flag: { vi: 'cần true hoặc false', en: 'expected true or false' },
  url: {
    vi: 'cần một địa chỉ http(s), ví dụ https://truong.edu.vn',
    en: 'expected an http(s) address, e.g. https://truong.edu.vn',
  },
  time: {
    vi: 'cần một thời điểm ISO 8601, ví dụ 2026-04-01T08:00:00+07:00',
    en: 'expected an ISO 8601 time, e.g. 2026-04-01T08:00:00+07:00',
  },
  text: { vi: 'cần một chuỗi', en: 'expected a string' },
  smtp: {
    vi: 'cần một địa chỉ smtp:// hoặc smtps://, ví dụ smtp://nguoi-dung:mat-khau@mail.truong.edu.vn:587',
    en: 'expected an smtp:// or smtps:// address, e.g. smtp://user:password@mail.school.example:587',
  },
} satisfies Record<string, Expected>;

/** The catalogue's message for a wrong value (src/messages/catalogue.ts). */
export function settingInvalid(variable: string, value: string, expected: Expected | string) {
  const { title, message, hint } = renderMessage('SettingInvalid', { variable, value, expected });
  return { name: 'SettingInvalid' as const, variable, title, message, hint };
}

export type SettingProblem = ReturnType<typeof settingInvalid>;

/** Thrown by `settingsFromEnv` with every wrong variable at once. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(readonly problems: SettingProblem[]) {
    super(problems.map((p) => formatForTerminal(p)).join('\n\n'));
  }
}

// One schema per kind of value. Every check fails with the kind's name as its
// message; settingsFromEnv turns that into the kind's EXPECTED text.
type Kind = keyof typeof EXPECTED;
const as = (kind: Kind) => ({ error: kind });
const text = () => z.string(as('text'));
const port = (fallback: number) =>
  z.coerce.number(as('port')).int(as('port')).min(1, as('port')).max(65535, as('port')).default(fallback);
const positive = (fallback: number, kind: 'megabytes' | 'megapixels') =>
  z.coerce.number(as(kind)).positive(as(kind)).default(fallback);
const count = (fallback: number) =>
  z.coerce.number(as('count')).int(as('count')).positive(as('count')).default(fallback);
const milliseconds = (fallback: number) =>
  z.coerce.number(as('milliseconds')).int(as('milliseconds')).nonnegative(as('milliseconds')).default(fallback);
const flag = () => z.enum(['true', 'false', '1', '0'], as('flag')).transform((v) => v === 'true' || v === '1');
const url = () => z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), as('url'));
const smtp = () => z.string().refine((v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol), as('smtp'));
const time = () => z.string().refine((v) => !Number.isNaN(new Date(v).getTime()), as('time'));
const trustProxy = () =>
  z.string().superRefine((v, ctx) => {
    try {
      parseTrustProxy(v);
    } catch (error) {
      if (!(error instanceof TrustProxyError)) throw error;
      // Its own message (names the variable, says what to write).
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });

/**
 * The variables a person may set (README table, .env.example). Keys are the
 * variables' names, so `settings().MEDIA_MAX_MB` reads as the environment does.
 */
export const settingsSchema = z.object({
  DATABASE_URI: text().default('file:./data/cms.db'),
  PAYLOAD_SECRET: text().optional(),
  PORT: port(3000),
  SEED_DEMO: flag().default(true),
  /** Unset: data/uploads (see src/cms/uploads/upload-dir.ts). */
  UPLOADS_DIR: text().optional(),
  MEDIA_MAX_MB: positive(10, 'megabytes'),
  MEDIA_MAX_MEGAPIXELS: positive(40, 'megapixels'),
  DOCUMENT_MAX_MB: positive(25, 'megabytes'),
  PAYLOAD_URL: url().default('http://localhost:3000'),
  SITE_BASE: text().default('/binh-dang-gioi/'),
  /** Unset: the install's first school. */
  SITE_SCHOOL: text().optional(),
  SITE_URL: url().default('http://localhost:4321'),
  SITE_DIST: text().default('dist'),
  /** Unset: PAYLOAD_URL. */
  CMS_PUBLIC_URL: url().optional(),
  /** Unset: PAYLOAD_PUBLIC_SERVER_URL, else http://localhost:$PORT (see siteBuildCmsUrl). */
  SITE_BUILD_PAYLOAD_URL: url().optional(),
  SITE_REBUILD_DEBOUNCE_MS: milliseconds(2000),
  PAYLOAD_PUBLIC_SERVER_URL: text().optional(),
  CMS_ALLOWED_ORIGINS: text().optional(),
  /** Unset: on in production. `false` turns it off; it is never on outside production. */
  COOKIE_SECURE: flag().optional(),
  LOGIN_RATE_LIMIT: count(20),
  TRUST_PROXY: trustProxy().optional(),
  SITE_CONTENT_FILE: text().optional(),
  SITE_PAGES_DIR: text().default('content'),
  /** Indexed pages per search shard (src/site/lib/search-shards.ts): a rebuild indexes only the shards that changed. */
  SITE_SEARCH_SHARD_PAGES: count(1500),
  SCHOOL_NAME: text().optional(),
  PORT_SITE: port(4321),
  HOST_SITE: text().default('0.0.0.0'),
  /** Unset: on in CI and with NODE_ENV=production (see coverageStrict). */
  COVERAGE_STRICT: flag().optional(),
  COVERAGE_NOW: time().optional(),
  SITE_DEPLOY_HOOK_URL: url().optional(),
  /** Unset: no mail leaves the machine; each message is written to MAIL_OUTBOX_DIR (src/cms/mail/). */
  SMTP_URL: smtp().optional(),
  MAIL_FROM: text().default('Chuyên mục Bình đẳng giới <no-reply@localhost>'),
  /** Unset: beside the database, as uploads (src/domain/uploads-location.ts: outboxRoot). */
  MAIL_OUTBOX_DIR: text().optional(),
});

/**
 * Set by the tools the project runs on, not by a person: read here so that
 * nothing else reads the environment, and not documented as settings.
 */
export const frameworkSchema = z.object({
  NODE_ENV: z.string().optional(),
  /** Next.js: `phase-production-build` during `next build`. */
  NEXT_PHASE: z.string().optional(),
  /** CI services set CI=true. */
  CI: z.string().optional(),
});

export type Settings = z.output<typeof settingsSchema> & z.output<typeof frameworkSchema>;

type Environment = Record<string, string | undefined>;

/** Parses an environment (process.env by default); throws a SettingsError naming every wrong variable. */
export function settingsFromEnv(env: Environment = process.env): Settings {
  const names = [...Object.keys(settingsSchema.shape), ...Object.keys(frameworkSchema.shape)];
  // An empty or blank value is the same as none, for every variable.
  const given = Object.fromEntries(
    names.map((name) => [name, env[name]?.trim() || undefined] as const).filter(([, v]) => v !== undefined),
  );
  const result = z.object({ ...settingsSchema.shape, ...frameworkSchema.shape }).safeParse(given);
  if (result.success) return result.data;
  const problems = new Map<string, SettingProblem>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0]);
    if (problems.has(name)) continue;
    // A kind's name (see `as`), or a message of its own (TRUST_PROXY's).
    const expected = issue.message in EXPECTED ? EXPECTED[issue.message as Kind] : issue.message;
    problems.set(name, settingInvalid(name, given[name] ?? '', expected));
  }
  throw new SettingsError([...problems.values()]);
}

let parsed: Settings | undefined;

/** This process's settings, parsed from process.env on first use. */
export function settings(): Settings {
  parsed ??= settingsFromEnv();
  return parsed;
}

/**
 * Parses the environment again. Only for a process that changes its own
 * environment on purpose before it builds a CMS: the test harness, which gives
 * each test file its own database and uploads folder after modules that read
 * a setting at import time have already run.
 */
export function reloadSettings(env: Environment = process.env): Settings {
  parsed = settingsFromEnv(env);
  return parsed;
}

/** The literal defaults (for the documentation test): variables whose unset value is a fixed value. */
export function settingDefaults(): Record<string, string> {
  const defaults = settingsSchema.parse({});
  return Object.fromEntries(
    Object.entries(defaults)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}

/** The CMS address the rebuild jobs give the site build: SITE_BUILD_PAYLOAD_URL, else this server. */
export function siteBuildCmsUrl(s: Settings = settings()): string {
  return s.SITE_BUILD_PAYLOAD_URL ?? s.PAYLOAD_PUBLIC_SERVER_URL ?? `http://localhost:${s.PORT}`;
}

/** The CMS address a person's browser opens from a mail or a page: CMS_PUBLIC_URL, else PAYLOAD_URL. */
export function cmsBrowserUrl(s: Settings = settings()): string {
  return (s.CMS_PUBLIC_URL ?? s.PAYLOAD_URL).replace(/\/+$/, '');
}

/** Whether a missed quarter fails the site build: COVERAGE_STRICT, else on in CI and in production. */
export function coverageStrict(s: Pick<Settings, 'COVERAGE_STRICT' | 'CI' | 'NODE_ENV'> = settings()): boolean {
  return s.COVERAGE_STRICT ?? (s.CI === 'true' || s.NODE_ENV === 'production');
}

/**
 * The environment for a child command of the project (a site build, the
 * draft-preview server): it parses its own settings from it, so it gets this
 * process's environment with `overrides` on top.
 */
export function childEnvironment(overrides: Environment = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides } as NodeJS.ProcessEnv;
}
