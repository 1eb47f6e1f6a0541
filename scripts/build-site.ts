/**
 * Builds the public site from the CMS at PAYLOAD_URL into dist/, atomically:
 * Astro builds into a staging folder; only a complete build replaces dist/.
 * An unreachable CMS, bad data or any build error leaves the previous dist/
 * exactly as it was and exits with status 1 and one clear message.
 *
 *   PAYLOAD_URL=http://cms.example:3000 npm run build:site [-- --school <slug>]
 *
 * Each school's site goes into its own folder, SITE_DIST/<slug>/ (SITE_DIST=dist
 * by default), served under the school's base path (scripts/serve-site.ts).
 *
 * Astro runs as a child process (a build holds a lot of memory, and the
 * rebuild job must not load Astro into the CMS server). It reads its settings
 * from the environment it is given; the output folder is Astro's own
 * `--outDir` argument.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { type BuildFailure, type BuildReport, failureFileFor, readBuildFailure } from '../src/messages/build-failure';
import { type MessageArgs, renderMessage } from '../src/messages/catalogue';
import { ColumnError } from '../src/messages/column-error';

import { childEnvironment, coverageStrict, settingsFromEnv, type Settings } from '../src/settings';
import { CmsClient } from '../src/site-loader/client';
import { fetchPublicPolicy, type PublicPolicy } from '../src/site-loader/school';
import { schoolSiteFolder } from '../src/domain/school-site';
import { SiteBuildError } from '../src/site-loader/errors';
import { scriptSettings } from './lib/settings';
import { missingFilesText, readMissingFilesReport, type MissingFile } from '../src/site-loader/missing-files';
import { clientDir, INCREMENTAL_MANIFEST, SITE_MANIFEST, siteCacheDir, type SiteManifest } from './lib/site-dist';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `env`: the environment Astro gets (default: this process's); its settings are checked before Astro starts. */
export type BuildSiteOptions = { dist?: string; env?: Record<string, string | undefined>; quiet?: boolean };

/**
 * Why the Astro child stopped. A catalogue error records its name and details
 * (src/messages/build-failure.ts); it is the reason when Astro printed that
 * error ("[Name] …"), so a record left by an error the build recovered from is
 * not blamed. Otherwise (Astro's own errors, a crash) the log's first error
 * lines, up to the stack.
 */
export function buildFailureReason(log: string, failure?: BuildFailure): { reason: string; failure?: BuildFailure } {
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  if (failure && plain.includes(`[${failure.name}]`)) {
    const rendered = renderMessage(failure.name, ...([failure.details] as MessageArgs<typeof failure.name>));
    return { reason: rendered.text, failure };
  }
  const lines = plain.split('\n');
  const first = lines.findIndex((l) => /\[ERROR\]|\b\w*Error\b/.test(l));
  if (first < 0) return { reason: lines.slice(-10).join('\n').trim() };
  const end = lines.findIndex((l, i) => i > first && /^\s*(Hint:|Stack trace:|at )/.test(l));
  return {
    reason: lines
      .slice(first, end > first ? Math.min(end, first + 15) : first + 15)
      .join('\n')
      .trim(),
  };
}

/**
 * One Astro build at a time in this checkout: builds share Astro's content
 * store (node_modules/.astro) and generated types (.astro/), which two
 * concurrent builds (parallel test files, a bench) would overwrite.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(root, '.astro', 'site-build.lock');
  await mkdir(path.dirname(lock), { recursive: true });
  for (const started = Date.now(); ;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 15 * 60_000) await rm(lock, { recursive: true, force: true }); // left by a killed build
      if (Date.now() - started > 20 * 60_000) throw new ColumnError('SiteBuildLocked', { lock });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Deletes a replaced site in a detached process. The new site is live once
 * swapped in; removing the old one (at 10,000 articles, some 40,000 files and
 * 6 s) need not hold up the rebuild job or the next build. The next build
 * sweeps up any a killed deletion left.
 */
function deleteInBackground(dir: string) {
  const code = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 5 })';
  spawn(process.execPath, ['-e', code, dir], { detached: true, stdio: 'ignore' }).unref();
}

export type BuildSiteResult =
  | {
      ok: true;
      ms: number;
      log: string;
      /** Files published items use that the CMS could not give: the site was built without them. */
      missingFiles: MissingFile[];
    }
  /** `failure`: the catalogue message that stopped the build, when one did (code looks at its name). */
  | { ok: false; message: string; failure?: BuildFailure };

export function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  return withBuildLock(() => buildSiteUnlocked(options));
}

async function buildSiteUnlocked(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const env = childEnvironment({ ...options.env, ASTRO_TELEMETRY_DISABLED: '1' });
  // Vite's own variables (set by vitest in process.env) would override the
  // site's: BASE_URL=/ drops the base path from every link.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  const dist = path.resolve(root, options.dist ?? 'dist');
  // Beside nothing a reader sees (.astro/ is gitignored), one per target folder.
  const staging = path.join(
    root,
    '.astro',
    'site-staging',
    `${path.basename(dist)}-${createHash('sha1').update(dist).digest('hex').slice(0, 8)}`,
  );
  const started = Date.now();

  // Fail fast, before Astro starts, on a wrong setting or a CMS that cannot be reached; and learn
  // which school this is: its address and public origin are Astro's `base` and `site`.
  let settings: Settings;
  let policy: PublicPolicy;
  try {
    settings = settingsFromEnv(env);
    policy = await fetchPublicPolicy(settings.PAYLOAD_URL, settings.SITE_SCHOOL, 10_000);
  } catch (error) {
    if (!(error instanceof SiteBuildError)) return { ok: false, message: (error as Error).message };
    return {
      ok: false,
      message: error.text,
      failure: { name: error.code, details: error.details as Record<string, unknown> },
    };
  }
  Object.assign(env, {
    SITE_SCHOOL: policy.school.slug,
    SITE_BASE: policy.basePath,
    SITE_URL: policy.origin || settings.SITE_URL,
  });

  const failureFile = failureFileFor(staging);
  await rm(staging, { recursive: true, force: true });
  // Old sites a killed deletion left behind.
  for (const name of await readdir(path.dirname(staging)).catch(() => [])) {
    if (name.startsWith(`${path.basename(staging)}.old-`)) deleteInBackground(path.join(path.dirname(staging), name));
  }
  await rm(failureFile, { force: true });
  await mkdir(path.dirname(staging), { recursive: true });
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
    const child = spawn(process.execPath, [astro, 'build', '--outDir', staging], {
      cwd: root,
      // Always a production build, even when started from vitest (NODE_ENV=test).
      // The coverage check's strictness follows the caller's settings (CI, NODE_ENV), not this forced one.
      env: { ...env, NODE_ENV: 'production', COVERAGE_STRICT: String(coverageStrict(settings)) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      if (!options.quiet) process.stdout.write(text);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0 || !existsSync(path.join(clientDir(staging), 'index.html'))) {
    await rm(staging, { recursive: true, force: true });
    // Astro records what the next build may copy before the build has finished (before the
    // integrations run, and page copies as they render): after a failure, the next build renders everything.
    await rm(path.join(root, siteCacheDir(policy.school.slug), INCREMENTAL_MANIFEST), { force: true });
    const { reason, failure } = buildFailureReason(output.join(''), readBuildFailure(failureFile));
    await rm(failureFile, { force: true });
    return { ok: false, message: renderMessage('SiteBuildFailed', { reason: reason.trim() }).text, failure };
  }
  await rm(failureFile, { force: true });
  // What the static server needs to serve this folder under the school's address (scripts/serve-site.ts).
  const site: SiteManifest = {
    slug: policy.school.slug,
    name: policy.school.name,
    basePath: policy.basePath,
    builtAt: new Date().toISOString(),
  };
  await writeFile(path.join(staging, SITE_MANIFEST), `${JSON.stringify(site, null, 2)}\n`);
  // Swap: dist → beside the staging folder, staging → dist; the old site is deleted after.
  const old = `${staging}.old-${Date.now()}`;
  await mkdir(path.dirname(dist), { recursive: true });
  if (existsSync(dist)) await rename(dist, old);
  await rename(staging, dist);
  deleteInBackground(old);
  const missingFiles = (await readMissingFilesReport(dist)) ?? [];
  return { ok: true, ms: Date.now() - started, log: output.join(''), missingFiles };
}

/** The schools whose sites are built when none is named: every school that is not archived, first school first. */
export async function schoolsToBuild(cmsUrl: string): Promise<{ slug: string; name: string }[]> {
  const body = (await new CmsClient({ baseUrl: cmsUrl, timeoutMs: 10_000 }).getJson('/api/schools', {
    limit: 0,
    depth: 0,
    sort: 'id',
    'where[archived][not_equals]': 'true',
    'select[slug]': 'true',
    'select[name]': 'true',
  })) as { docs?: { slug: string; name: string }[] };
  return body.docs ?? [];
}

export type SchoolBuildResult = { slug: string; dist: string; result: BuildSiteResult };

/**
 * Builds each school's site into its own folder under `distRoot`
 * (SITE_DIST/<slug>/), one after another; one school's failure never stops
 * the next, and leaves that school's previous site as it was.
 */
export async function buildSchoolSites(options: {
  distRoot: string;
  schools: string[];
  env?: Record<string, string | undefined>;
  quiet?: boolean;
  onStart?: (slug: string) => void;
}): Promise<SchoolBuildResult[]> {
  const results: SchoolBuildResult[] = [];
  for (const slug of options.schools) {
    options.onStart?.(slug);
    const dist = schoolSiteFolder(options.distRoot, slug);
    const result = await buildSite({ dist, env: { ...options.env, SITE_SCHOOL: slug }, quiet: options.quiet });
    results.push({ slug, dist, result });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --school SLUG: that school only (default: every school, one after another).
  // --report FILE: the outcome as JSON for the rebuild job (src/cms/site-build/run.ts), which reads names, not words.
  const { values } = parseArgs({ options: { report: { type: 'string' }, school: { type: 'string' } } });
  const { SITE_DIST, PAYLOAD_URL } = scriptSettings();
  let schools: string[];
  try {
    schools = values.school ? [values.school] : (await schoolsToBuild(PAYLOAD_URL)).map((s) => s.slug);
  } catch (error) {
    console.error(`\n✖ ${error instanceof SiteBuildError ? error.text : (error as Error).message}`);
    process.exit(1);
  }
  const results = await buildSchoolSites({
    distRoot: SITE_DIST,
    schools,
    onStart: (slug) => schools.length > 1 && console.log(`\n▶ ${slug}`),
  });
  const failedBuilds = results.filter((r) => !r.result.ok);
  if (values.report && results.length === 1) {
    const { result } = results[0]!;
    const report: BuildReport = result.ok
      ? { ok: true }
      : { ok: false, message: result.message, ...(result.failure ? { failure: result.failure } : {}) };
    await writeFile(values.report, JSON.stringify(report));
  }
  for (const { slug, dist, result } of results) {
    if (!result.ok) {
      console.error(`\n✖ ${slug}: ${result.message}`);
      continue;
    }
    // Where an operator looks: what the site was built without (the rebuild job records it for editors).
    if (result.missingFiles.length > 0) console.warn(`\n${missingFilesText(result.missingFiles)}`);
    console.log(
      `\n✔ ${slug}: đã dựng trang vào ${dist}/ trong ${(result.ms / 1000).toFixed(1)} s (CMS: ${PAYLOAD_URL}).`,
    );
  }
  if (results.length === 0) console.error(`\n✖ ${renderMessage('SchoolNotFound', { slug: '' }).text}`);
  if (failedBuilds.length > 0 || results.length === 0) process.exit(1);
}
