/**
 * Builds the public site from the CMS at PAYLOAD_URL into dist/, atomically:
 * Astro builds into a staging folder; only a complete build replaces dist/.
 * An unreachable CMS, bad data or any build error leaves the previous dist/
 * exactly as it was and exits with status 1 and one clear message.
 *
 *   PAYLOAD_URL=http://cms.example:3000 npm run build:site      (SITE_DIST=dist: the output folder)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { isStrict } from '../src/site/integrations/coverage-check';
import { payloadUrl } from '../src/site-loader/astro-loader';
import { CmsClient } from '../src/site-loader/client';
import { missingFilesText, readMissingFilesReport, type MissingFile } from '../src/site-loader/missing-files';
import { clientDir } from './lib/site-dist';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type BuildSiteOptions = { dist?: string; env?: Record<string, string | undefined>; quiet?: boolean };

/** The loader's own message when there is one (they start with these words), else Astro's error lines. */
export function buildFailureReason(log: string): string {
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const start = lines.findIndex((l) =>
    /^(?:\S+ )?(?:\[[^\]]+\] )?(CMS |Không kết nối được CMS|Không dựng được trang|Không tải được tệp|PAYLOAD_URL)/.test(
      l.trim(),
    ),
  );
  if (start >= 0) {
    const end = lines.findIndex((l, i) => i > start && /^\s*(Hint:|Stack trace:|at )/.test(l));
    return lines
      .slice(start, end > start ? end : start + 3)
      .join('\n')
      .trim();
  }
  // Otherwise what follows the first error line (an integration's logger.error, Astro's error), up to the stack.
  const first = lines.findIndex((l) => /\[ERROR\]|\b\w*Error\b/.test(l));
  if (first < 0) return lines.slice(-10).join('\n').trim();
  const end = lines.findIndex((l, i) => i > first && /^\s*(Hint:|Stack trace:|at )/.test(l));
  return lines
    .slice(first, end > first ? Math.min(end, first + 15) : first + 15)
    .join('\n')
    .trim();
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
      if (Date.now() - started > 20 * 60_000) throw new Error(`Another site build holds ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export type BuildSiteResult =
  | {
      ok: true;
      ms: number;
      log: string;
      /** Files published items use that the CMS could not give: the site was built without them. */
      missingFiles: MissingFile[];
    }
  | { ok: false; message: string };

export function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  return withBuildLock(() => buildSiteUnlocked(options));
}

async function buildSiteUnlocked(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, ASTRO_TELEMETRY_DISABLED: '1' };
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

  // Fail fast, before Astro starts, when the CMS cannot be reached.
  try {
    await new CmsClient({ baseUrl: payloadUrl(env), timeoutMs: 10_000 }).getJson('/api/topics', { limit: 1, depth: 0 });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }

  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(staging), { recursive: true });
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      // Always a production build, even when started from vitest (NODE_ENV=test).
      // The coverage check's strictness follows the caller's environment (CI, NODE_ENV), not this forced one.
      env: { ...env, NODE_ENV: 'production', SITE_OUT_DIR: staging, COVERAGE_STRICT: isStrict(env) ? 'true' : 'false' },
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
    const reason = buildFailureReason(output.join(''));
    return {
      ok: false,
      message: `Dựng trang thất bại; dist/ cũ được giữ nguyên.\nThe site build failed; the previous dist/ is untouched.\n${reason.trim()}`,
    };
  }
  // Swap: dist → dist.old, staging → dist, drop the old one.
  const old = `${dist}.old`;
  await rm(old, { recursive: true, force: true });
  await mkdir(path.dirname(dist), { recursive: true });
  if (existsSync(dist)) await rename(dist, old);
  await rename(staging, dist);
  await rm(old, { recursive: true, force: true });
  const missingFiles = (await readMissingFilesReport(dist)) ?? [];
  return { ok: true, ms: Date.now() - started, log: output.join(''), missingFiles };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await buildSite({ dist: process.env.SITE_DIST || undefined });
  if (!result.ok) {
    console.error(`\n✖ ${result.message}`);
    process.exit(1);
  }
  // Last, where an operator looks: what the site was built without (the rebuild job records it for editors).
  if (result.missingFiles.length > 0) console.warn(`\n${missingFilesText(result.missingFiles)}`);
  console.log(
    `\n✔ Đã dựng trang vào ${process.env.SITE_DIST || 'dist'}/ trong ${(result.ms / 1000).toFixed(1)} s (CMS: ${payloadUrl()}).`,
  );
}
