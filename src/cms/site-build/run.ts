import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Payload } from 'payload';

import { type BuildFailure, readBuildReport } from '../../messages/build-failure';
import { type DetailsOf, type MessageArgs, renderMessage } from '../../messages/catalogue';
import { childEnvironment, settings, siteBuildCmsUrl } from '../../settings';
import { readMissingFilesReport, type MissingFile } from '../../site-loader/missing-files';

/**
 * One site build at a time: either the configured deploy hook (the site is
 * built elsewhere) or `scripts/build-site.ts` in a child process, which builds
 * into a staging folder and swaps it in only when complete. The outcome is
 * recorded in the site-build-status global for editors.
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
};

/** Where a build goes: the deploy hook when there is one, else a build here from `cmsUrl`. */
export type BuildTarget = {
  deployHookUrl?: string;
  cmsUrl: string;
  /** The folder a build here writes (SITE_DIST). */ dist: string;
};

export function runSiteBuild(
  payload: Payload,
  reason: string,
  target: BuildTarget = buildTarget(),
): Promise<BuildOutcome> {
  const next = running.then(() => buildOnce(payload, reason, target));
  running = next.catch(() => undefined);
  return next;
}

async function setStatus(payload: Payload, data: Record<string, unknown>) {
  await payload.updateGlobal({ slug: 'site-build-status', data });
}

async function buildOnce(payload: Payload, reason: string, target: BuildTarget): Promise<BuildOutcome> {
  const started = Date.now();
  await setStatus(payload, { state: 'running', lastReason: reason, lastStartedAt: new Date(started).toISOString() });
  const outcome = target.deployHookUrl
    ? await callDeployHook(target.deployHookUrl)
    : await buildHere(target.cmsUrl, target.dist);
  const ms = Date.now() - started;
  if (outcome.ok) {
    if (outcome.missingFiles?.length)
      payload.logger.warn(
        `Trang đã dựng nhưng thiếu ${outcome.missingFiles.length} tệp (the site was built without ${outcome.missingFiles.length} file(s)): ` +
          [...new Set(outcome.missingFiles.map((f) => `${f.upload}/${f.filename}`))].join(', '),
      );
    await setStatus(payload, {
      state: 'idle',
      lastSuccessAt: new Date().toISOString(),
      lastDurationMs: ms,
      ...(outcome.missingFiles ? { missingFiles: outcome.missingFiles.map(toRow) } : {}),
    });
  } else {
    payload.logger.error(`Dựng trang thất bại: ${outcome.reason}`);
    await setStatus(payload, {
      state: 'idle',
      lastFailureAt: new Date().toISOString(),
      lastFailureReason: outcome.reason,
      lastFailureLog: outcome.log ?? '',
    });
  }
  return { ...outcome, ms };
}

async function callDeployHook(url: string): Promise<Omit<BuildOutcome, 'ms'>> {
  try {
    const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(30_000) });
    if (response.ok) return { ok: true };
    return { ...failed('DeployHookHttp', { status: response.status }), log: (await response.text()).slice(0, 4000) };
  } catch (error) {
    return failed('DeployHookUnreachable', { reason: (error as Error).message });
  }
}

/** From the settings: SITE_DEPLOY_HOOK_URL, and the CMS the build reads (this server, unless SITE_BUILD_PAYLOAD_URL says otherwise). */
function buildTarget(): BuildTarget {
  return { deployHookUrl: settings().SITE_DEPLOY_HOOK_URL, cmsUrl: siteBuildCmsUrl(), dist: settings().SITE_DIST };
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

async function buildHere(cmsUrl: string, dist: string): Promise<Omit<BuildOutcome, 'ms'>> {
  const outcome = await spawnBuild(cmsUrl, dist);
  if (!outcome.ok) return outcome;
  // The build command leaves its report in the folder it built (scripts/build-site.ts, SITE_DIST).
  const missingFiles = await readMissingFilesReport(path.resolve(dist)).catch(() => []);
  return { ...outcome, missingFiles: missingFiles ?? [] };
}

function spawnBuild(cmsUrl: string, dist: string): Promise<Omit<BuildOutcome, 'ms'>> {
  return new Promise((resolve) => {
    // This server's own Node (24), not whichever `node` is first on PATH: Astro refuses Node 20.
    const tsx = path.resolve('node_modules', 'tsx', 'dist', 'cli.mjs');
    // The outcome comes back as JSON (name and details of the failure), not as words in the log.
    const reportDir = mkdtempSync(path.join(tmpdir(), 'site-build-'));
    const reportFile = path.join(reportDir, 'report.json');
    const child = spawn(process.execPath, [tsx, 'scripts/build-site.ts', '--report', reportFile], {
      cwd: process.cwd(),
      env: childEnvironment({ PAYLOAD_URL: cmsUrl, SITE_DIST: dist }),
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
