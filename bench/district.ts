/**
 * District benchmark (issue 15): one install holding DISTRICT_SCHOOLS schools
 * (50) with DISTRICT_ARTICLES published articles each (100), spread over the
 * quarters since 2024-Q1, on a fresh SQLite Payload put behind HTTP as the
 * site tests do (tests/site/support/http-cms.ts). Each figure beside its
 * baseline in the same run:
 *  - the district dashboard's query: every school's coverage computed from
 *    the database with its closed quarters' records (districtSources of
 *    src/cms/district/dashboard-data.ts) and the district matrix
 *    (buildDistrictMatrix), median of several runs; baseline: the same for
 *    one school. Setup runs the daily closing job once, so every ended
 *    quarter has its record, as on a district that has been running.
 *  - every school's site built (buildSchoolSites, one after another, each
 *    school's content store emptied first); baseline: the first school's site
 *    built alone, cold, just before.
 *  - one publish in school #7 (an editor's create through the Local API, its
 *    hooks asking for the rebuild), then that school rebuilt by the rebuild
 *    job's own code (runSiteBuild); every other school's folder hashed before
 *    and after. Baseline: that school's cold build in the run above.
 * Setup time is reported too. Results: bench/results/district.json.
 * Run alone: `BENCH_ONLY=district npm run bench`, or `tsx bench/district.ts`
 * (DISTRICT_SCHOOLS=5 DISTRICT_ARTICLES=20 for a quick check).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Payload, TypedUser } from 'payload';

import { buildSchoolSites, schoolsToBuild } from '../scripts/build-site';
import { clientDir } from '../scripts/lib/site-dist';
import { coverageInputFromCms } from '../src/cms/coverage-source';
import { closedRecords, closeEndedQuarters } from '../src/cms/district/close-quarters';
import { columnAddress, districtDashboard, districtSources } from '../src/cms/district/dashboard-data';
import { IMPORT_FIRST_PUBLISHED_AT } from '../src/cms/fields/publication';
import { SKIP_SITE_REBUILD } from '../src/cms/site-build/hooks';
import { REBUILD_TASK } from '../src/cms/site-build/request';
import { buildCoverageReport } from '../src/domain/coverage';
import { buildDistrictMatrix, type DistrictSource } from '../src/domain/district';
import { applyRecords } from '../src/domain/quarter-record';
import { firstSchoolFrom } from '../src/domain/school-upgrade';
import { slugify } from '../src/domain/slug';
import type { School } from '../src/payload-types';
import { DISTRICT_OFFICE } from '../src/seed/demo-content';
import { toLexical } from '../src/seed/lexical';
import { median, round } from './support/stats';
import { fingerprint } from '../tests/support/fingerprint';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, '.astro/bench-district');
const DIST_ROOT = path.join(WORK, 'sites');
const RSS_PROBE = path.join(ROOT, 'bench/support/rss-probe.cjs');
const SCHOOLS = Number(process.env.DISTRICT_SCHOOLS ?? 50);
const ARTICLES = Number(process.env.DISTRICT_ARTICLES ?? 100);
/** The school whose publish is measured (1-based, as "school #7"). */
const PUBLISH_IN = Math.min(7, SCHOOLS);
const DASHBOARD_RUNS = 9;
const DASHBOARD_WARM_UP = 5;
/** One school takes a few milliseconds: more samples of it per round, for a steadier median. */
const ONE_SCHOOL_PER_RUN = 3;
const START_QUARTER = '2024-Q1';

const NAMES = [
  'Nguyễn Du',
  'Lê Lợi',
  'Trần Phú',
  'Chu Văn An',
  'Lê Quý Đôn',
  'Nguyễn Trãi',
  'Trần Hưng Đạo',
  'Lý Thường Kiệt',
  'Ngô Quyền',
  'Hai Bà Trưng',
  'Bà Triệu',
  'Quang Trung',
  'Lê Hồng Phong',
  'Phan Bội Châu',
  'Phan Chu Trinh',
  'Nguyễn Khuyến',
  'Nguyễn Đình Chiểu',
  'Hồ Xuân Hương',
  'Tô Hiến Thành',
  'Lương Thế Vinh',
  'Đoàn Thị Điểm',
  'Nguyễn Bỉnh Khiêm',
  'Trần Quốc Toản',
  'Võ Thị Sáu',
  'Lê Văn Tám',
  'Kim Đồng',
  'Nguyễn Văn Trỗi',
  'Lý Tự Trọng',
  'Nguyễn Thị Minh Khai',
  'Mạc Đĩnh Chi',
  'Trưng Vương',
  'Đinh Tiên Hoàng',
  'Lê Lai',
  'Yết Kiêu',
  'Phạm Ngũ Lão',
  'Trần Nhân Tông',
  'Lý Công Uẩn',
  'Nguyễn Tri Phương',
  'Hoàng Hoa Thám',
  'Nguyễn Thái Học',
  'Tôn Đức Thắng',
  'Huỳnh Thúc Kháng',
  'Trần Đại Nghĩa',
  'Tạ Quang Bửu',
  'Ngô Sĩ Liên',
  'Lê Thánh Tông',
  'Nguyễn Công Trứ',
  'Cao Bá Quát',
  'Nguyễn Hiền',
  'Lê Ngọc Hân',
];

const schoolName = (i: number) =>
  `THCS ${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}`;
/**
 * Astro's content store is node_modules/.astro/schools/<slug>/ (astro.config.mjs), and
 * node_modules may be shared with other checkouts: a prefix keeps this bench's
 * stores apart from any test's school of the same name.
 */
const schoolSlug = (i: number) => `bench-${slugify(schoolName(i))}`;
const storeOf = (slug: string) => path.join(ROOT, 'node_modules/.astro/schools', slug);

const ms = (t0: number) => performance.now() - t0;

// ---------------------------------------------------------------- setup

type District = { payload: Payload; url: string; admin: TypedUser; schools: School[]; close: () => Promise<void> };

/** The articles' dates: evenly over the quarters since START_QUARTER, the last a day ago. */
function publishedAt(k: number, n: number): string {
  const start = Date.parse('2024-01-05T02:00:00Z');
  const span = Date.now() - 86_400_000 - start;
  return new Date(start + (span * (k + 0.5)) / n).toISOString();
}

async function setUp(): Promise<{ district: District; setup: Record<string, number> }> {
  // A fresh SQLite database whose schema Payload pushes (as in tests), uploads in a temporary folder.
  (process.env as Record<string, string>).NODE_ENV ??= 'test';
  process.env.TEST_BACKEND ??= 'sqlite';
  const { startHttpCms } = await import('../tests/site/support/http-cms');
  const started = performance.now();
  const cms = await startHttpCms();
  const bootMs = ms(started);
  const payload = cms.payload;

  // The first account of an empty install runs the platform and administers a first school.
  const admin = {
    ...(await payload.create({
      collection: 'users',
      data: { email: 'quantri@phong.test', password: 'mat-khau-do-hieu-nang-1', name: 'Quản trị nền tảng' },
    })),
    collection: 'users',
  } as TypedUser;
  const asAdmin = { user: admin, overrideAccess: false, depth: 0, context: { [SKIP_SITE_REBUILD]: true } } as const;
  const schoolsStarted = performance.now();
  const { docs } = await payload.find({ collection: 'schools', sort: 'id', limit: 1, depth: 0 });
  const common = { district: DISTRICT_OFFICE, reportingStartQuarter: START_QUARTER };
  const schools: School[] = [
    await payload.update({
      collection: 'schools',
      id: docs[0]!.id,
      data: { name: schoolName(0), slug: schoolSlug(0), ...common },
      ...asAdmin,
    }),
  ];
  // The others as a platform admin adds them: name, slug and district, the form's defaults for
  // the rest; the address follows from the slug.
  for (let i = 1; i < SCHOOLS; i++) {
    const { basePath: _fromSlug, ...defaults } = firstSchoolFrom({ schoolName: schoolName(i) }, '');
    schools.push(
      await payload.create({
        collection: 'schools',
        data: { ...defaults, slug: schoolSlug(i), ...common },
        ...asAdmin,
      }),
    );
  }
  const schoolsMs = ms(schoolsStarted);

  // Through the Local API and its hooks; no rebuild requests (the bench builds itself), and
  // the dates kept as history, as the seed imports them (else every item would be late).
  const articlesStarted = performance.now();
  const context = { [SKIP_SITE_REBUILD]: true, [IMPORT_FIRST_PUBLISHED_AT]: true };
  for (const [i, school] of schools.entries()) {
    for (let k = 0; k < ARTICLES; k++) {
      await payload.create({
        collection: 'articles',
        data: {
          title: `${school.name}: bài số ${k + 1} về chia sẻ việc nhà`,
          excerpt: 'Bài viết mẫu cho phép đo của Phòng.',
          body: toLexical([
            'Bình đẳng giới bắt đầu từ những việc nhỏ trong gia đình.',
            `Học sinh ${school.name} cùng cha mẹ nấu ăn, dọn dẹp và chăm sóc ông bà.`,
            { heading: 'Ở trường' },
            'Các lớp thảo luận về định kiến giới trong sách báo, phim ảnh và mạng xã hội.',
          ]),
          audiences: ['parents'],
          publishedAt: publishedAt(k, ARTICLES),
          _status: 'published',
          school: school.id,
        },
        user: admin,
        depth: 0,
        context,
      });
    }
    if ((i + 1) % 10 === 0 || i + 1 === schools.length)
      console.log(
        `[bench district] ${(i + 1) * ARTICLES} articles in ${i + 1} schools (${round(ms(articlesStarted) / 1000)} s)`,
      );
  }
  const articlesMs = ms(articlesStarted);
  // A district that has been running: the daily job has recorded every ended quarter.
  const closingStarted = performance.now();
  const closed = await closeEndedQuarters(payload, { now: new Date() });
  if (closed.failed.length) throw new Error(`closing quarters failed: ${JSON.stringify(closed.failed)}`);
  const closingMs = ms(closingStarted);
  return {
    district: { payload, url: cms.url, admin, schools, close: cms.close },
    setup: {
      bootSeconds: round(bootMs / 1000),
      schoolsSeconds: round(schoolsMs / 1000),
      articlesSeconds: round(articlesMs / 1000),
      articlesPerSecond: Math.round((SCHOOLS * ARTICLES) / (articlesMs / 1000)),
      quarterRecords: closed.created.length,
      closingSeconds: round(closingMs / 1000),
      totalSeconds: round(ms(started) / 1000),
    },
  };
}

// ---------------------------------------------------------------- dashboard

/**
 * The baseline: one school's row, made as `hostedSources` (src/cms/district/dashboard-data.ts)
 * makes each: its coverage from the database by the one rule, closed quarters from their records.
 */
async function oneSchoolSource(payload: Payload, school: School, now: Date): Promise<DistrictSource> {
  const input = await coverageInputFromCms(payload, { now, school });
  const { report } = applyRecords(buildCoverageReport(input), await closedRecords(payload, school.id));
  return { source: columnAddress(school), origin: 'hosted', report };
}

async function benchDashboard(d: District) {
  const now = new Date();
  const whole = async () => buildDistrictMatrix(await districtSources(d.payload, { now }));
  const one = async () => buildDistrictMatrix([await oneSchoolSource(d.payload, d.schools[0]!, now)]);
  // What the admin page itself asks for: the above, the self-reported schools' rows and the filtered view.
  const page = () => districtDashboard(d.payload, { user: d.admin, now });
  const wholeMs: number[] = [];
  const oneMs: number[] = [];
  const pageMs: number[] = [];
  let matrix = await whole();
  // Interleaved, so that the machine's moods fall on all three alike; the first rounds only warm
  // up (prepared statements, the JIT), which the timings showed still falling over several rounds.
  for (let r = -DASHBOARD_WARM_UP; r < DASHBOARD_RUNS; r++) {
    let t0 = performance.now();
    matrix = await whole();
    if (r >= 0) wholeMs.push(ms(t0));
    for (let k = 0; k < ONE_SCHOOL_PER_RUN; k++) {
      t0 = performance.now();
      await one();
      if (r >= 0) oneMs.push(ms(t0));
    }
    t0 = performance.now();
    await page();
    if (r >= 0) pageMs.push(ms(t0));
  }
  // The matrix alone, from sources already read: what the pure part costs.
  const sources = await districtSources(d.payload, { now });
  const matrixMs: number[] = [];
  for (let r = 0; r < DASHBOARD_RUNS; r++) {
    const t0 = performance.now();
    buildDistrictMatrix(sources);
    matrixMs.push(ms(t0));
  }
  const district = median(wholeMs);
  const single = median(oneMs);
  const closed = matrix.totals.at(-2);
  const result = {
    runs: DASHBOARD_RUNS,
    oneSchoolRuns: DASHBOARD_RUNS * ONE_SCHOOL_PER_RUN,
    districtMedianMs: round(district),
    districtMs: wholeMs.map((t) => round(t)),
    oneSchoolMedianMs: round(single, 2),
    oneSchoolMs: oneMs.map((t) => round(t, 2)),
    ratio: round(district / single),
    perSchoolMs: round(district / SCHOOLS, 2),
    perSchoolVsOneSchool: round(district / SCHOOLS / single, 2),
    matrixOnlyMedianMs: round(median(matrixMs), 2),
    dashboardPageMedianMs: round(median(pageMs)),
    itemsRead: SCHOOLS * ARTICLES,
    rows: matrix.rows.length,
    quarters: matrix.quarters.length,
    lastClosedQuarter: closed ? `${closed.quarter}: ${closed.covered}/${closed.tracked}` : null,
  };
  console.log(
    `[bench district] dashboard: ${result.districtMedianMs} ms for ${SCHOOLS} schools, ${result.oneSchoolMedianMs} ms for one (${result.ratio}×; ${result.perSchoolMs} ms per school)`,
  );
  return result;
}

// ---------------------------------------------------------------- site builds

async function htmlPages(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

const RSS_FILE = path.join(WORK, 'rss.txt');

/** The peak resident memory (MB) the probe recorded since it was last read, then clears it. */
async function takePeakRss(): Promise<number> {
  const kib = (await readFile(RSS_FILE, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  await rm(RSS_FILE, { force: true });
  return Math.round(Math.max(0, ...kib) / 1024);
}

const probeEnv = () => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${RSS_PROBE}`.trim(),
  BENCH_RSS_FILE: RSS_FILE,
});

/** One school's site built into its folder under DIST_ROOT, with the build's peak memory. */
async function buildOne(d: District, slug: string) {
  const env = { PAYLOAD_URL: d.url, COVERAGE_STRICT: 'false', ...probeEnv() };
  const [built] = await buildSchoolSites({ distRoot: DIST_ROOT, schools: [slug], env, quiet: true });
  if (!built!.result.ok) throw new Error(`${slug}: ${built!.result.message}`);
  return { ...built!, ms: built!.result.ms, peakRssMB: await takePeakRss() };
}

async function benchSites(d: District) {
  const slugs = (await schoolsToBuild(d.url)).map((s) => s.slug);
  if (slugs.length !== SCHOOLS) throw new Error(`expected ${SCHOOLS} schools to build, got ${slugs.length}`);
  const first = slugs[0]!;
  await rm(DIST_ROOT, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  await rm(RSS_FILE, { force: true });

  // Untimed, so that no measured build pays for a cold disk cache and a cold Vite.
  await rm(storeOf(first), { recursive: true, force: true });
  await buildOne(d, first);

  // Baseline: the first school's site built alone, cold.
  await rm(storeOf(first), { recursive: true, force: true });
  const alone = await buildOne(d, first);
  const baselinePages = await htmlPages(clientDir(alone.dist));
  console.log(`[bench district] ${first} alone: ${round(alone.ms / 1000)} s, ${baselinePages} pages`);

  // Every school, each with its content store emptied: a district's first build. buildSchoolSites
  // is given one school at a time (the same builds, in the same order) so that each one's peak memory is its own.
  for (const slug of slugs) await rm(storeOf(slug), { recursive: true, force: true });
  await rm(DIST_ROOT, { recursive: true, force: true });
  const perSchool: { slug: string; seconds: number; pages: number; peakRssMB: number; distMB: number }[] = [];
  const t0 = performance.now();
  for (const [i, slug] of slugs.entries()) {
    console.log(`[bench district] building ${i + 1}/${slugs.length}: ${slug}`);
    const built = await buildOne(d, slug);
    perSchool.push({
      slug,
      seconds: round(built.ms / 1000, 2),
      pages: await htmlPages(clientDir(built.dist)),
      peakRssMB: built.peakRssMB,
      distMB: round((await dirBytes(built.dist)) / 1e6),
    });
  }
  const wallMs = ms(t0);
  const seconds = perSchool.map((s) => s.seconds);
  const pages = perSchool.reduce((sum, s) => sum + s.pages, 0);
  const baselineSeconds = alone.ms / 1000;
  const totalSeconds = wallMs / 1000;
  const result = {
    baselineSchool: first,
    baselineSeconds: round(baselineSeconds),
    baselinePages,
    baselinePagesPerSecond: Math.round(baselinePages / baselineSeconds),
    baselinePeakRssMB: alone.peakRssMB,
    totalSeconds: round(totalSeconds),
    totalVsBaseline: round(totalSeconds / baselineSeconds),
    totalVsSchoolsTimesBaseline: round(totalSeconds / (SCHOOLS * baselineSeconds), 2),
    perSchoolMedianSeconds: round(median(seconds), 1),
    perSchoolMinSeconds: Math.min(...seconds),
    perSchoolMaxSeconds: Math.max(...seconds),
    perSchoolMedianVsBaseline: round(median(seconds) / baselineSeconds, 2),
    pages,
    pagesPerSecond: Math.round(pages / totalSeconds),
    peakRssMB: Math.max(...perSchool.map((s) => s.peakRssMB)),
    medianPeakRssMB: median(perSchool.map((s) => s.peakRssMB)),
    distMB: round(perSchool.reduce((sum, s) => sum + s.distMB, 0)),
    perSchool,
  };
  console.log(
    `[bench district] every school: ${result.totalSeconds} s (${result.totalVsSchoolsTimesBaseline}× ${SCHOOLS} × the first school alone, ${round(baselineSeconds)} s); median ${result.perSchoolMedianSeconds} s per school, ${result.pagesPerSecond} pages/s, peak ${result.peakRssMB} MB`,
  );
  return { result, slugs };
}

// ---------------------------------------------------------------- one publish

async function benchPublish(d: District, sites: Awaited<ReturnType<typeof benchSites>>) {
  const { runSiteBuild } = await import('../src/cms/site-build/run');
  const school = d.schools[PUBLISH_IN - 1]!;
  const others = sites.slugs.filter((s) => s !== school.slug);
  const before = new Map<string, Record<string, string>>();
  for (const slug of others) before.set(slug, await fingerprint(path.join(DIST_ROOT, slug)));

  // The school's editor publishes a new article, as in the admin: access rules and every hook, rebuild request included.
  const editor = {
    ...(await d.payload.create({
      collection: 'users',
      data: {
        email: 'bientap-7@phong.test',
        password: 'mat-khau-do-hieu-nang-1',
        name: 'Biên tập trường số 7',
        schools: [{ school: school.id, role: 'editor' }],
      },
      context: { [SKIP_SITE_REBUILD]: true },
    })),
    collection: 'users',
  } as TypedUser;
  const article = await d.payload.create({
    collection: 'articles',
    data: {
      title: `${school.name}: bài mới đăng để đo dựng lại trang`,
      body: toLexical(['Một bài mới của trường.']),
      _status: 'published',
    },
    user: editor,
    overrideAccess: false,
    depth: 0,
  });
  const { docs: jobs } = await d.payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: REBUILD_TASK }, completedAt: { exists: false } },
    pagination: false,
    depth: 0,
  });
  const requested = jobs.map((j) => {
    const id = (j.input as { school?: string } | null)?.school;
    return d.schools.find((s) => String(s.id) === String(id))?.slug ?? `?${id}`;
  });

  // The rebuild job's own work for that school (lease, status, build-site.ts --school in a child process).
  const previous = { NODE_OPTIONS: process.env.NODE_OPTIONS, BENCH_RSS_FILE: process.env.BENCH_RSS_FILE };
  Object.assign(process.env, probeEnv(), { COVERAGE_STRICT: 'false' });
  const t0 = performance.now();
  const outcome = await runSiteBuild(
    d.payload,
    { school: school.id, reason: `articles: ${article.title}` },
    { cmsUrl: d.url, distRoot: DIST_ROOT },
  );
  const rebuildMs = ms(t0);
  for (const [key, value] of Object.entries(previous))
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  if (!outcome.ok) throw new Error(`${school.slug}: ${outcome.reason}\n${outcome.log ?? ''}`);
  const peakRssMB = await takePeakRss();

  let unchanged = true;
  let files = 0;
  for (const slug of others) {
    const after = await fingerprint(path.join(DIST_ROOT, slug));
    files += Object.keys(after).length;
    if (JSON.stringify(after) !== JSON.stringify(before.get(slug))) {
      unchanged = false;
      console.error(`✖ ${slug}'s site changed on a publish in ${school.slug}`);
    }
  }
  const live = existsSync(
    path.join(clientDir(path.join(DIST_ROOT, school.slug)), 'bai-viet', article.slug!, 'index.html'),
  );
  const cold = sites.result.perSchool.find((s) => s.slug === school.slug)!.seconds;
  const result = {
    school: PUBLISH_IN,
    slug: school.slug,
    rebuildRequestedFor: requested,
    rebuildSeconds: round(rebuildMs / 1000, 1),
    coldBuildSeconds: cold,
    vsColdBuild: round(rebuildMs / 1000 / cold, 2),
    peakRssMB,
    newArticleBuilt: live,
    otherSchools: others.length,
    otherFilesCompared: files,
    otherSchoolsByteIdentical: unchanged,
  };
  console.log(
    `[bench district] publish in ${school.slug}: rebuild requested for ${requested.join(', ')}; rebuilt in ${result.rebuildSeconds} s (${result.vsColdBuild}× its cold build); other ${others.length} sites byte-identical: ${unchanged}`,
  );
  return result;
}

// ---------------------------------------------------------------- run

async function runHere() {
  process.chdir(ROOT); // runSiteBuild starts build-site.ts from the working directory
  if (SCHOOLS < 2 || ARTICLES < 1) throw new Error('DISTRICT_SCHOOLS must be at least 2, DISTRICT_ARTICLES at least 1');
  const { district, setup } = await setUp();
  try {
    console.log(`[bench district] setup: ${JSON.stringify(setup)}`);
    const dashboard = await benchDashboard(district);
    const sites = await benchSites(district);
    const publish = await benchPublish(district, sites);
    const cpus = os.cpus();
    const out = {
      benchmark: 'district',
      schools: SCHOOLS,
      articlesPerSchool: ARTICLES,
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model,
        memoryGB: Math.round(os.totalmem() / 1e9),
        node: process.versions.node,
        nice: os.getPriority(),
        loadAverageAtEnd: os.loadavg().map((l) => round(l)),
      },
      note:
        `${SCHOOLS} schools on one install (SQLite, Payload behind HTTP on 127.0.0.1), ${ARTICLES} published articles each ` +
        `(a few sentences, no images) spread over the quarters since ${START_QUARTER}; COVERAGE_STRICT=false.`,
      setup,
      dashboard,
      sites: sites.result,
      publish,
      measuredAt: new Date().toISOString(),
    };
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(path.join(ROOT, 'bench/results/district.json'), `${JSON.stringify(out, null, 2)}\n`);
    if (!publish.otherSchoolsByteIdentical || !publish.newArticleBuilt) process.exitCode = 1;
    return out;
  } finally {
    await district.close();
    await rm(WORK, { recursive: true, force: true });
    for (let i = 0; i < SCHOOLS; i++) await rm(storeOf(schoolSlug(i)), { recursive: true, force: true });
  }
}

/**
 * In a process of its own: Payload keeps one instance per process (getPayload's cache),
 * which another benchmark of this run may already have started and stopped.
 */
export async function benchDistrict() {
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--run'], {
    stdio: 'inherit',
    env: process.env,
  });
  return JSON.parse(await readFile(path.join(ROOT, 'bench/results/district.json'), 'utf8')) as unknown;
}

if (process.argv.includes('--run') || import.meta.url === `file://${process.argv[1]}`) await runHere();
