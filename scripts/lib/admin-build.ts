import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ColumnError } from '../../src/messages/column-error';
import { childEnvironment } from '../../src/settings';

/** Everything `next build` compiles: an unchanged admin is not rebuilt. */
const ADMIN_SOURCES = [
  'src/app',
  'src/cms',
  'src/domain',
  'src/messages',
  'src/migrations',
  // What the admin imports from the site build: the build status's missing files.
  'src/site-loader/missing-files.ts',
  'src/site-loader/errors.ts',
  'src/instrumentation.ts',
  'src/instrumentation-node.ts',
  'src/proxy.ts',
  'src/settings.ts',
  'payload.config.ts',
  'next.config.mjs',
  'tsconfig.next.json',
  'package-lock.json',
];

export function adminSourceDigest(root = process.cwd()): string {
  const hash = createHash('sha256');
  const walk = (target: string) => {
    if (!existsSync(target)) return;
    if (statSync(target).isDirectory()) {
      for (const entry of readdirSync(target).sort()) walk(path.join(target, entry));
    } else {
      hash.update(path.relative(root, target)).update(readFileSync(target));
    }
  };
  for (const target of ADMIN_SOURCES) walk(path.join(root, target));
  return hash.digest('hex');
}

/** Runs `next build` (about a minute) unless .next was built from these very sources; one build at a time (test files start servers in parallel). */
export async function ensureAdminBuilt(options: { env?: NodeJS.ProcessEnv; onBuild?: () => void } = {}): Promise<void> {
  const lock = path.resolve('.next-build.lock');
  for (const started = Date.now(); ;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true }); // left by a killed build
      if (Date.now() - started > 15 * 60_000) throw new ColumnError('AdminBuildLocked', { lock });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await buildUnlessCurrent(options);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildUnlessCurrent(options: { env?: NodeJS.ProcessEnv; onBuild?: () => void }): Promise<void> {
  const digestFile = path.join('.next', 'source-digest');
  const digest = adminSourceDigest();
  const built =
    existsSync(path.join('.next', 'BUILD_ID')) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest;
  if (built) return;
  options.onBuild?.();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.resolve('node_modules', '.bin', 'next'), ['build'], {
      stdio: 'inherit',
      env: childEnvironment({ ...options.env, NODE_ENV: 'production' }),
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new ColumnError('CommandFailed', { command: 'next build', outcome: `exit ${code}` })),
    );
  });
  writeFileSync(digestFile, digest);
}
