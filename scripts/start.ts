/**
 * `npm start`: the whole product on the embedded default, as in production.
 * 1. secret: PAYLOAD_SECRET, or a random one kept in data/.payload-secret;
 *    a missing, short or public secret stops everything here;
 * 2. database: run the committed migrations;
 * 3. demo content when the database is empty (SEED_DEMO=false to skip): the
 *    demo school and two smaller schools of its district, with their accounts;
 * 4. the admin: `next build` when its sources changed since the last build;
 * 5. the CMS server (scripts/cms-server.ts: Next behind a server that knows
 *    the client's address) on PORT (3000), with the job queue;
 * 6. the public sites: every school's built from the running CMS into
 *    SITE_DIST/<slug>/ (atomically, one after another; one school's failure
 *    does not stop the others) and served on PORT_SITE (4321), each under its
 *    base path; their coverage reports printed.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { formatTable } from '../src/domain/coverage-format';
import { parseCoverageReport } from '../src/domain/coverage-report-schema';
import { resolveSecret } from '../src/domain/secret-policy';
import { buildSchoolSites, schoolsToBuild } from './build-site';
import { ensureAdminBuilt } from './lib/admin-build';
import { ensureLocalSecret } from './lib/local-secret';
import { serveSite } from './serve-site';
import { scriptSettings } from './lib/settings';
import { builtSites, clientDir, type SiteManifest } from './lib/site-dist';
import { childEnvironment } from '../src/settings';
import { RUN_JOBS_FLAG } from '../src/cms/config-options';
import { formatForTerminal, renderMessage } from '../src/messages/catalogue';
import { ColumnError } from '../src/messages/column-error';

const bin = (name: string) => path.resolve('node_modules', '.bin', name);

ensureLocalSecret();
const settings = scriptSettings();
const port = String(settings.PORT);
const sitePort = settings.PORT_SITE;
const env = childEnvironment({ NODE_ENV: 'production' });
const secret = resolveSecret({ ...settings, NODE_ENV: 'production' });
if (!secret.ok) {
  console.error(`\n${secret.error.format()}\n`);
  process.exit(1);
}

function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env, ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new ColumnError('CommandFailed', {
              command: `${path.basename(command)} ${args.join(' ')}`,
              outcome: signal ?? `exit ${code}`,
            }),
          ),
    );
  });
}

try {
  console.log('▶ Cập nhật cấu trúc cơ sở dữ liệu (migrations)…');
  await run(bin('payload'), ['migrate']);

  if (settings.SEED_DEMO) {
    await run(bin('tsx'), ['scripts/seed.ts', '--if-empty']);
  }

  await ensureAdminBuilt({
    env,
    onBuild: () => console.log('▶ Biên dịch trang quản trị (next build, khoảng 1 phút lần đầu)…'),
  });

  const server = spawn(bin('tsx'), ['scripts/cms-server.ts', '-p', port, RUN_JOBS_FLAG], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));

  const cmsUrl = `http://localhost:${port}`;
  await waitForCms(cmsUrl);
  const distRoot = settings.SITE_DIST;
  const schools = await schoolsToBuild(cmsUrl);
  console.log(`▶ Dựng trang công khai của ${schools.length} trường từ CMS (${cmsUrl})…`);
  // The caller's environment decides the coverage check's strictness, not the NODE_ENV forced above.
  const results = await buildSchoolSites({
    distRoot,
    schools: schools.map((s) => s.slug),
    env: childEnvironment({ PAYLOAD_URL: cmsUrl }),
    quiet: true,
    onStart: (slug) => console.log(`  · ${slug}`),
  });
  for (const { slug, result } of results)
    if (!result.ok)
      console.error(
        `\n${new ColumnError('StartSiteBuildFailed', { reason: `${slug}: ${result.message}` }).format()}\n`,
      );
  await serveSite({ root: distRoot, port: sitePort, env: { PAYLOAD_URL: cmsUrl } });
  const sites = builtSites(distRoot);
  for (const site of sites) printCoverage(site);
  console.log(`\n▶ Trang quản trị:   ${cmsUrl}/admin`);
  for (const site of sites) {
    console.log(`▶ Trang chuyên mục ${site.name}: http://localhost:${sitePort}${site.basePath}`);
    console.log(
      `    Báo cáo theo quý: http://localhost:${sitePort}${site.basePath}bao-cao/  (coverage.json, coverage.csv)`,
    );
  }
  if (sites.length > 1) console.log(`▶ Danh sách các trường: http://localhost:${sitePort}/`);
} catch (error) {
  console.error(`\n${ColumnError.is(error) ? error.format() : `✖ ${(error as Error).message}`}\n`);
  process.exit(1);
}

/** Waits until the CMS answers (ready in a few seconds; the first request compiles). */
async function waitForCms(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/schools?limit=1&depth=0`, {
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new ColumnError('StartCmsNoAnswer', { url, seconds: timeoutMs / 1000 });
}

function printCoverage(site: SiteManifest & { dir: string }): void {
  const file = path.join(clientDir(site.dir), 'coverage.json');
  try {
    const report = parseCoverageReport(JSON.parse(readFileSync(file, 'utf8')));
    console.log(`\n${site.name}\n${formatTable(report)}`);
  } catch (error) {
    const unreadable = renderMessage('StartCoverageUnreadable', { file, reason: (error as Error).message });
    console.error(formatForTerminal(unreadable, '⚠'));
  }
}
