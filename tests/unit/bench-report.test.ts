import { describe, expect, it } from 'vitest';

import { renderBenchmarks } from '../../bench/report';
import { growthChart } from '../../bench/support/chart';

describe('the benchmark growth chart', () => {
  const svg = growthChart({
    title: 'Dựng trang <thử>',
    xLabel: 'bài viết',
    yLabel: 'giây',
    series: [
      {
        name: 'từ CMS',
        points: [
          [100, 5.3],
          [1000, 12.4],
          [10000, 71],
        ],
      },
      {
        name: 'từ tệp JSON',
        points: [
          [10000, 69],
          [100, 5.6],
          [1000, 13.8],
        ],
      },
    ],
  });

  it('is one SVG with a line and a labelled point per value, text escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('Dựng trang &lt;thử&gt;');
    expect(svg).toContain('từ CMS: 10,000 → 71');
    expect(svg).not.toContain('NaN');
  });

  it('puts x on a log scale (100, 1,000, 10,000 equally spaced) and draws points in x order', () => {
    const xs = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">(100|1,000|10,000)<\/text>/g)].map(
      (m) => Number(m[1]),
    );
    expect(xs).toHaveLength(3);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 5);
    const second = /<path d="([^"]+)"[^>]*stroke="#1b5e7a"/.exec(svg)![1]!;
    const pathXs = [...second.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    expect(pathXs).toEqual([...pathXs].sort((a, b) => a - b));
  });
});

describe('BENCHMARKS.md', () => {
  it('says which benchmarks did not run instead of leaving them out', () => {
    const md = renderBenchmarks({
      machine: { cpus: 2, cpuModel: 'x', memoryGB: 24, node: '24' },
      updatedAt: '2026-11-25',
    });
    expect(md).toContain('# Benchmarks');
    expect(md.match(/_not run_/g)).toHaveLength(7);
  });

  it('renders the coverage table with each ratio beside its absolute time', () => {
    const md = renderBenchmarks({
      coverage: {
        baseline: 'Date.parse',
        linearity: 1.2,
        sizes: [
          {
            items: 1000,
            checkMedianMs: 1,
            baselineMedianMs: 0.2,
            ratio: 5,
            itemsPerSecond: 1e6,
            nsPerItem: 1000,
            nsPerItemVsSmallest: 1,
            inputRssMB: 60,
            checkPeakMB: 9,
          },
          {
            items: 1000000,
            checkMedianMs: 1200,
            baselineMedianMs: 200,
            ratio: 6,
            itemsPerSecond: 833333,
            nsPerItem: 1200,
            nsPerItemVsSmallest: 1.2,
            inputRssMB: 340,
            checkPeakMB: 500,
          },
        ],
      },
    });
    expect(md).toContain('| 1,000,000 | 1,200 ms | 200 ms | 6× |');
    expect(md).toContain('1.2× that at the smallest');
  });

  it('renders the district run: each figure beside its same-run baseline, and whether other schools were left alone', () => {
    const district = (byteIdentical: boolean) =>
      renderBenchmarks({
        district: {
          schools: 50,
          articlesPerSchool: 100,
          note: '50 schools on one install.',
          measuredAt: '2026-12-03T12:00:00.000Z',
          machine: { cpus: 2, cpuModel: 'Xeon', memoryGB: 25, node: '24.21.0', nice: 10, loadAverageAtEnd: [3, 4, 5] },
          setup: {
            bootSeconds: 2,
            schoolsSeconds: 1.5,
            articlesSeconds: 300,
            articlesPerSecond: 17,
            quarterRecords: 550,
            closingSeconds: 4,
            totalSeconds: 308,
          },
          dashboard: {
            runs: 9,
            districtMedianMs: 420,
            oneSchoolMedianMs: 8.4,
            ratio: 50,
            perSchoolMs: 8.4,
            perSchoolVsOneSchool: 1,
            matrixOnlyMedianMs: 0.8,
            dashboardPageMedianMs: 430,
            itemsRead: 5000,
            rows: 50,
            quarters: 12,
          },
          sites: {
            totalSeconds: 600,
            baselineSeconds: 11.5,
            totalVsBaseline: 52.2,
            totalVsSchoolsTimesBaseline: 1.04,
            perSchoolMedianSeconds: 11.9,
            perSchoolMinSeconds: 11.2,
            perSchoolMaxSeconds: 14,
            pages: 9000,
            pagesPerSecond: 15,
            baselinePagesPerSecond: 16,
            peakRssMB: 700,
            medianPeakRssMB: 650,
            baselinePeakRssMB: 640,
            distMB: 300,
          },
          publish: {
            school: 7,
            rebuildSeconds: 10.8,
            coldBuildSeconds: 12,
            vsColdBuild: 0.9,
            rebuildRequestedFor: ['thcs-ba-trieu'],
            newArticleBuilt: true,
            otherSchools: 49,
            otherFilesCompared: 40000,
            otherSchoolsByteIdentical: byteIdentical,
            peakRssMB: 660,
          },
        },
      });
    const md = district(true);
    expect(md).toContain('## District: many schools on one install');
    expect(md).toContain('Measured 2026-12-03 on 2 × Xeon, 25 GB, Node 24.21.0, at nice 10');
    expect(md).toContain('5,000 articles in 300 s (17/s');
    expect(md).toContain('| 420 ms | one school: 8.4 ms | 50× |');
    expect(md).toContain('the closing job wrote 550 quarter records in 4 s');
    expect(md).toContain("`districtDashboard` (the admin page's data) 430 ms");
    expect(md).toContain('| 600 s | first school alone: 11.5 s | 52.2× (1.04× 50 × baseline) |');
    expect(md).toContain('| 10.8 s | its cold build above: 12 s | 0.9× |');
    expect(md).toContain('rebuild requested for: thcs-ba-trieu;');
    expect(md).toContain('the other 49 sites byte-identical (40,000 files hashed) ✓');
    expect(district(false)).toContain('the other 49 sites byte-identical (40,000 files hashed) ✗ NO');
  });
});
