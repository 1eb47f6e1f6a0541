import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Payload } from 'payload';

import { schoolSiteFolder } from '../../domain/school-site';
import type { SchoolId } from '../../domain/school-access';
import { type BuildFailure, readBuildReport } from '../../messages/build-failure';
import { type DetailsOf, type MessageArgs, renderMessage } from '../../messages/catalogue';
import type { School, SiteBuild } from '../../payload-types';
import { childEnvironment, settings, siteBuildCmsUrl } from '../../settings';
import { readMissingFilesReport, type MissingFile } from '../../site-loader/missing-files';
import { buildAlertPass } from '../mail/passes';
import { acquireLease, LEASE_MS, releaseLease, renewLease, statusDocFor } from './lease';
import { SITE_BUILDS } from './status-collection';

/**
 * Builds one school's site: either the configured deploy hook (the site is
 * built elsewhere; it is told which school) or `scripts/build-site.ts
 * --school <slug>` in a child process, which builds into a staging folder and
 * swaps it in only when complete. Only the school's build lease holder builds
 * (./lease.ts); this process builds one site at a time (Astro's builds share
 * the checkout's caches). The outcome is recorded in the school's status
 * document for its editors; another school's site and status are never touched.
 */
let running: Promise<unknown> = Promise.resolve();

const LOG_EXCERPT_LINES = 40;

/** `failure`: the catalogue message that stopped the build, when known (callers test its name, not `reason`). */
export type BuildOutcome = {
  ok: boolean;
  reason?: string;
  failure?: BuildFailure;
  log?: string;
  ms: number;
  /** Built here: the files the site was built without (a deploy hook cannot tell). */
  missingFiles?: MissingFile[];
  /** Another runner holds the school's lease: nothing was built; the caller asks again later. */
  deferred?: boolean;
  /** The school is archived: its site was taken down, not built. */
  archived?: boolean;
};

/** Where a build goes: the deploy hook when there is one, else a build here from `cmsUrl`. */
export type BuildTarget = {
  deployHookUrl?: string;
  cmsUrl: string;
  /** The sites' root (SITE_DIST): each school's site is built into its own folder under it. */
  distRoot: string;
};

export function runSiteBuild(
  payload: Payload,
  request: { school: SchoolId; reason: string },
  target: BuildTarget = buildTarget(),
): Promise<BuildOutcome> {
  const next = running.then(() => buildLeased(payload, request, target));
  running = next.catch(() => undefined);
  return next;
}

async function buildLeased(
  payload: Payload,
  { school: schoolId, reason }: { school: SchoolId; reason: string },
  target: BuildTarget,
): Promise<BuildOutcome> {
  const school = await payload.findByID({ collection: 'schools', id: schoolId, depth: 0, overrideAccess: true });
  const lease = await acquireLease(payload, school.id);
  if (!lease) return { ok: false, deferred: true, ms: 0 };
  // Renewed well before it runs out, so a long build keeps it; a crashed runner's lease simply expires.
  const heartbeat = setInterval(() => void renewLease(payload, lease).catch(() => undefined), LEASE_MS / 4);
  try {
    return await buildOnce(payload, school, reason, target);
  } finally {
    clearInterval(heartbeat);
    await releaseLease(payload, lease).catch((error: unknown) =>
      payload.logger.warn(`site build lease of ${school.slug} not released (it expires by itself): ${String(error)}`),
    );
  }
}

async function setStatus(payload: Payload, status: SiteBuild, data: Partial<SiteBuild>) {
  await payload.update({ collection: SITE_BUILDS, id: status.id, data, overrideAccess: true, depth: 0 });
}

async function buildOnce(payload: Payload, school: School, reason: string, target: BuildTarget): Promise<BuildOutcome> {
  const status = await statusDocFor(payload, school.id);
  const started = Date.now();
  if (school.archived) {
    // Archiving hides the site; the content stays in the CMS and a rebuild brings it back.
    if (!target.deployHookUrl)
      await rm(schoolSiteFolder(target.distRoot, school.slug), { recursive: true, force: true });
    await setStatus(payload, status, { state: 'idle', lastReason: reason });
    return { ok: true, archived: true, ms: Date.now() - started };
  }
  await setStatus(payload, status, {
    state: 'running',
    lastReason: reason,
    lastStartedAt: new Date(started).toISOString(),
  });
  const outcome = target.deployHookUrl
    ? await callDeployHook(target.deployHookUrl, school, reason)
    : await buildHere(target.cmsUrl, target.distRoot, school.slug);
  const ms = Date.now() - started;
  if (outcome.ok) {
    if (outcome.missingFiles?.length)
      payload.logger.warn(
        `Trang của ${school.name} đã dựng nhưng thiếu ${outcome.missingFiles.length} tệp (the site of ${school.slug} was built without ${outcome.missingFiles.length} file(s)): ` +
          [...new Set(outcome.missingFiles.map((f) => `${f.upload}/${f.filename}`))].join(', '),
      );
    await setStatus(payload, status, {
      state: 'idle',
      lastSuccessAt: new Date().toISOString(),
      lastDurationMs: ms,
      ...(outcome.missingFiles ? { missingFiles: outcome.missingFiles.map(toRow) } : {}),
    });
  } else {
    payload.logger.error(
      `Dựng trang của ${school.name} thất bại (site build of ${school.slug} failed): ${outcome.reason}`,
    );
    await setStatus(payload, status, {
      state: 'idle',
      lastFailureAt: new Date().toISOString(),
      lastFailureReason: outcome.reason,
      lastFailureLog: outcome.log ?? '',
    });
    // The school's admins hear of it once per run of failures (src/domain/reminders.ts).
    await buildAlertPass(payload, { now: new Date(), schools: [school] }).catch((error: unknown) =>
      payload.logger.error({ err: error }, `build failure alert for ${school.slug} not sent`),
    );
  }
  return { ...outcome, ms };
}

/** The hook is told which school to build, so one hook serves a whole district. */
async function callDeployHook(url: string, school: School, reason: string): Promise<Omit<BuildOutcome, 'ms'>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ school: school.slug, basePath: school.basePath, origin: school.origin ?? null, reason }),
      signal: AbortSignal.timeout(30_000),
    });
    if (response.ok) return { ok: true };
    return { ...failed('DeployHookHttp', { status: response.status }), log: (await response.text()).slice(0, 4000) };
  } catch (error) {
    return failed('DeployHookUnreachable', { reason: (error as Error).message });
  }
}

/** From the settings: SITE_DEPLOY_HOOK_URL, and the CMS the build reads (this server, unless SITE_BUILD_PAYLOAD_URL says otherwise). */
function buildTarget(): BuildTarget {
  return { deployHookUrl: settings().SITE_DEPLOY_HOOK_URL, cmsUrl: siteBuildCmsUrl(), distRoot: settings().SITE_DIST };
}

function failed<N extends 'DeployHookHttp' | 'DeployHookUnreachable' | 'BuildScriptFailed'>(
  name: N,
  details: DetailsOf<N>,
): Omit<BuildOutcome, 'ms'> {
  const rendered = renderMessage(name, ...([details] as MessageArgs<N>));
  return { ok: false, reason: rendered.text, failure: { name, details } };
}

/** One row of the build status's missingFiles list (`id` is Payload's row id there). */
function toRow(file: MissingFile) {
  const { id, collection, ...rest } = file;
  return { ...rest, itemCollection: collection, itemId: id };
}

async function buildHere(cmsUrl: string, distRoot: string, slug: string): Promise<Omit<BuildOutcome, 'ms'>> {
  const outcome = await spawnBuild(cmsUrl, distRoot, slug);
  if (!outcome.ok) return outcome;
  // The build command leaves its report in the folder it built (scripts/build-site.ts).
  const missingFiles = await readMissingFilesReport(path.resolve(schoolSiteFolder(distRoot, slug))).catch(() => []);
  return { ...outcome, missingFiles: missingFiles ?? [] };
}

function spawnBuild(cmsUrl: string, distRoot: string, slug: string): Promise<Omit<BuildOutcome, 'ms'>> {
  return new Promise((resolve) => {
    // This server's own Node (24), not whichever `node` is first on PATH: Astro refuses Node 20.
    const tsx = path.resolve('node_modules', 'tsx', 'dist', 'cli.mjs');
    // The outcome comes back as JSON (name and details of the failure), not as words in the log.
    const reportDir = mkdtempSync(path.join(tmpdir(), 'site-build-'));
    const reportFile = path.join(reportDir, 'report.json');
    const child = spawn(process.execPath, [tsx, 'scripts/build-site.ts', '--school', slug, '--report', reportFile], {
      cwd: process.cwd(),
      env: childEnvironment({ PAYLOAD_URL: cmsUrl, SITE_DIST: distRoot }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const keep = (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n'));
      if (lines.length > 400) lines.splice(0, lines.length - 400);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, reason: error.message }));
    child.on('close', (code) => {
      const report = readBuildReport(reportFile);
      rmSync(reportDir, { recursive: true, force: true });
      if (code === 0) return resolve({ ok: true });
      const excerpt = lines
        .filter((l) => l.trim())
        .slice(-LOG_EXCERPT_LINES)
        .join('\n');
      if (report && !report.ok)
        return resolve({ ok: false, reason: report.message, failure: report.failure, log: excerpt });
      resolve({ ...failed('BuildScriptFailed', { code }), log: excerpt });
    });
  });
}
