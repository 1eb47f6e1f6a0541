import { spawn } from 'node:child_process';
import path from 'node:path';

import type { Payload } from 'payload';

import { readMissingFilesReport, type MissingFile } from '../../site-loader/missing-files';

/**
 * One site build at a time: either the configured deploy hook (the site is
 * built elsewhere) or `scripts/build-site.ts` in a child process, which builds
 * into a staging folder and swaps it in only when complete. The outcome is
 * recorded in the site-build-status global for editors.
 */
let running: Promise<unknown> = Promise.resolve();

const LOG_EXCERPT_LINES = 40;

export type BuildOutcome = {
  ok: boolean;
  reason?: string;
  log?: string;
  ms: number;
  /** Built here: the files the site was built without (a deploy hook cannot tell). */
  missingFiles?: MissingFile[];
};

export function runSiteBuild(payload: Payload, reason: string): Promise<BuildOutcome> {
  const next = running.then(() => buildOnce(payload, reason));
  running = next.catch(() => undefined);
  return next;
}

async function setStatus(payload: Payload, data: Record<string, unknown>) {
  await payload.updateGlobal({ slug: 'site-build-status', data });
}

async function buildOnce(payload: Payload, reason: string): Promise<BuildOutcome> {
  const started = Date.now();
  await setStatus(payload, { state: 'running', lastReason: reason, lastStartedAt: new Date(started).toISOString() });
  const outcome = process.env.SITE_DEPLOY_HOOK_URL
    ? await callDeployHook(process.env.SITE_DEPLOY_HOOK_URL)
    : await buildHere();
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
    return {
      ok: false,
      reason: `Deploy hook trả lời HTTP ${response.status} (SITE_DEPLOY_HOOK_URL).`,
      log: (await response.text()).slice(0, 4000),
    };
  } catch (error) {
    return { ok: false, reason: `Không gọi được deploy hook (SITE_DEPLOY_HOOK_URL): ${(error as Error).message}` };
  }
}

/** The CMS the build reads: this server, unless SITE_BUILD_PAYLOAD_URL says otherwise. */
function cmsUrl(): string {
  return (
    process.env.SITE_BUILD_PAYLOAD_URL ??
    process.env.PAYLOAD_PUBLIC_SERVER_URL ??
    `http://localhost:${process.env.PORT ?? 3000}`
  );
}

/** One row of the build status's missingFiles list (`id` is Payload's row id there). */
function toRow(file: MissingFile) {
  const { id, collection, ...rest } = file;
  return { ...rest, itemCollection: collection, itemId: id };
}

async function buildHere(): Promise<Omit<BuildOutcome, 'ms'>> {
  const outcome = await spawnBuild();
  if (!outcome.ok) return outcome;
  // The build command leaves its report in the folder it built (scripts/build-site.ts, SITE_DIST).
  const missingFiles = await readMissingFilesReport(path.resolve(process.env.SITE_DIST || 'dist')).catch(() => []);
  return { ...outcome, missingFiles: missingFiles ?? [] };
}

function spawnBuild(): Promise<Omit<BuildOutcome, 'ms'>> {
  return new Promise((resolve) => {
    // This server's own Node (24), not whichever `node` is first on PATH: Astro refuses Node 20.
    const tsx = path.resolve('node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, 'scripts/build-site.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, PAYLOAD_URL: cmsUrl() },
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
      if (code === 0) return resolve({ ok: true });
      const excerpt = lines
        .filter((l) => l.trim())
        .slice(-LOG_EXCERPT_LINES)
        .join('\n');
      const reason =
        lines.find((l) => l.startsWith('✖'))?.replace(/^✖\s*/, '') ?? `scripts/build-site.ts kết thúc với mã ${code}`;
      resolve({ ok: false, reason, log: excerpt });
    });
  });
}
