import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything `next build` compiles: an unchanged admin is not rebuilt. */
const ADMIN_SOURCES = [
  'src/app',
  'src/cms',
  'src/domain',
  'src/migrations',
  'src/instrumentation.ts',
  'src/instrumentation-node.ts',
  'src/proxy.ts',
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

/** Runs `next build` (about a minute) unless .next was built from these very sources. */
export async function ensureAdminBuilt(options: { env?: NodeJS.ProcessEnv; onBuild?: () => void } = {}): Promise<void> {
  const digestFile = path.join('.next', 'source-digest');
  const digest = adminSourceDigest();
  const built = existsSync(path.join('.next', 'BUILD_ID')) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest;
  if (built) return;
  options.onBuild?.();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.resolve('node_modules', '.bin', 'next'), ['build'], {
      stdio: 'inherit',
      env: { ...process.env, ...options.env, NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build → exit ${code}`))));
  });
  writeFileSync(digestFile, digest);
}
