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
    expect(md.match(/_not run_/g)).toHaveLength(6);
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
});
