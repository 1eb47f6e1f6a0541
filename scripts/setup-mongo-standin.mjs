// Installs the MongoDB-wire stand-in (@push.rocks/smartmongo CongoServer) into
// node_modules/.cache/mongo-standin/ for tests. It is NOT MongoDB: see
// /work/shared/STACK-NOTES.md "MongoDB (production)" for what it gets wrong.
//
// Why this exists instead of a devDependency: the published dependency ranges
// of smartmongo 2.2.0 do not resolve on this registry (ETARGET), so we fetch
// the tarball, pin the few runtime deps that CongoServer actually imports, and
// install it as its own little npm project outside git and outside
// /work/main/package.json + package-lock.json.
//
// Idempotent: a marker file records what was installed; re-runs are a no-op.
// Usage: node scripts/setup-mongo-standin.mjs [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = '@push.rocks/smartmongo';
const VERSION = '2.2.0';
// Only what dist_ts/congodb imports (plus smartfs's own needs); the rest of the
// published deps (mongodb-memory-server, smartdata, ...) are for features we do
// not use and are what fails to resolve.
const DEPENDENCIES = {
  bson: '^6.10',
  mingo: '^7.2',
  '@push.rocks/smartfs': '1.5.0',
  '@push.rocks/smartpath': '^6',
  '@push.rocks/smartpromise': '^4',
  '@push.rocks/smartrx': '^3',
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache');
const STANDIN_DIR = join(CACHE, 'mongo-standin');
const MARKER = join(STANDIN_DIR, '.standin-installed.json');
// Changing VERSION or DEPENDENCIES changes the recipe and forces a reinstall.
const RECIPE = createHash('sha256').update(JSON.stringify({ PKG, VERSION, DEPENDENCIES })).digest('hex').slice(0, 16);

const log = (msg) => console.log(`[mongo-standin] ${msg}`);
const fail = (msg) => {
  console.error(`[mongo-standin] ✖ ${msg}`);
  process.exit(1);
};

function isInstalled() {
  try {
    const m = JSON.parse(readFileSync(MARKER, 'utf8'));
    return m.version === VERSION && m.recipe === RECIPE && existsSync(join(STANDIN_DIR, 'dist_ts/congodb/index.js'));
  } catch {
    return false;
  }
}

// When launched under `npm run`/`npm test`, npm exports npm_config_prefix and
// npm_config_local_prefix=/work/main; a nested npm would inherit them and could
// treat /work/main as its project. Drop them so only --prefix below counts.
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_config_(local_|global_)?prefix$/i.test(k)),
);

// npm from PATH (works under system Node 20 or Node 24). Bounded timeouts so an
// unreachable registry fails in about a minute instead of npm's ~5 min default.
function npm(args, cwd) {
  const r = spawnSync('npm', [...args, '--fetch-timeout=30000', '--fetch-retries=1'], {
    cwd,
    encoding: 'utf8',
    env: childEnv,
  });
  if (r.error) fail(`cannot run npm (${r.error.message}); is npm on PATH?`);
  return r;
}

function npmFailure(step, r) {
  const out = `${r.stderr}\n${r.stdout}`;
  const registry =
    spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout?.trim() || 'npm registry';
  const netErr =
    /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|network|socket hang up/i.test(out);
  const detail = out
    .split('\n')
    .filter((l) => /npm (error|ERR!)/.test(l) && !/^\S+\s+\S+\s+at /.test(l))
    .slice(0, 6)
    .join('\n  ');
  fail(
    `${step} failed${netErr ? ` — the npm registry (${registry}) looks unreachable` : ''}.\n  ${detail || out.trim().slice(-800)}`,
  );
}

const FORCE = process.argv.includes('--force');
if (!FORCE && isInstalled()) {
  log(`${PKG}@${VERSION} already installed in ${STANDIN_DIR}`);
  process.exit(0);
}

const started = Date.now();
// Build in a private staging dir and rename into place at the end, so a
// half-finished or concurrent run never leaves a folder that looks installed.
mkdirSync(CACHE, { recursive: true });
const staging = join(CACHE, `mongo-standin.tmp-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging);
process.on('exit', () => rmSync(staging, { recursive: true, force: true }));

log(`fetching ${PKG}@${VERSION} (npm pack)…`);
const pack = npm(['pack', `${PKG}@${VERSION}`, '--json', '--pack-destination', staging], staging);
if (pack.status !== 0) npmFailure('npm pack', pack);
let tarball;
try {
  tarball = join(staging, JSON.parse(pack.stdout)[0].filename);
} catch {
  fail(`unexpected npm pack output: ${pack.stdout.slice(0, 300)}`);
}

log('extracting…');
const tar = spawnSync('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1'], { encoding: 'utf8' });
if (tar.status !== 0) fail(`tar failed: ${tar.error?.message ?? tar.stderr}`);
rmSync(tarball);

log('trimming package.json (pinned runtime deps, no scripts/devDependencies)…');
const pkgPath = join(staging, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
if (pkg.name !== PKG || pkg.version !== VERSION)
  fail(`tarball is ${pkg.name}@${pkg.version}, expected ${PKG}@${VERSION}`);
pkg.dependencies = DEPENDENCIES;
// devDependencies would still be resolved (and fail) even with --omit=dev;
// packageManager/pnpm only matter to other tools.
for (const key of ['scripts', 'devDependencies', 'packageManager', 'pnpm']) delete pkg[key];
writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

log('installing dependencies (npm install --omit=dev --ignore-scripts)…');
// --prefix pins npm's project root to the staging folder: with its own
// package.json npm would stop there anyway, this just makes it explicit so
// /work/main/package.json and package-lock.json are never touched.
const install = npm(
  [
    'install',
    '--prefix',
    staging,
    '--omit=dev',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--workspaces=false',
    '--loglevel=error',
  ],
  staging,
);
if (install.status !== 0) npmFailure('npm install', install);

writeFileSync(
  join(staging, '.standin-installed.json'),
  `${JSON.stringify({ package: PKG, version: VERSION, recipe: RECIPE, dependencies: DEPENDENCIES, installedAt: new Date().toISOString() }, null, 2)}\n`,
);

// Swap into place. If another process finished first, keep its copy.
if (!FORCE && isInstalled()) {
  log(`another run installed it meanwhile; keeping that copy`);
} else {
  rmSync(STANDIN_DIR, { recursive: true, force: true });
  try {
    renameSync(staging, STANDIN_DIR);
  } catch (e) {
    if (!isInstalled()) fail(`could not move install into ${STANDIN_DIR}: ${e.message}`);
  }
}
log(`✔ installed ${PKG}@${VERSION} in ${STANDIN_DIR} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
