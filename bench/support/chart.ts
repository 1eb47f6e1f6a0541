/**
 * A small, dependency-free SVG line chart for BENCHMARKS.md: x on a log
 * scale (100, 1,000, 10,000 …), y linear from 0, one line per series,
 * labelled points, readable without colour (each series has its own dash).
 */
type Series = { name: string; points: [number, number][] };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function growthChart(options: { title: string; xLabel: string; yLabel: string; series: Series[] }): string {
  const width = 720;
  const height = 420;
  const m = { top: 48, right: 24, bottom: 96, left: 64 };
  const xs = options.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = options.series.flatMap((s) => s.points.map(([, y]) => y));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const yMax = niceCeil(Math.max(...ys, 1));
  const lx = (x: number) =>
    xMax === xMin ? 0.5 : (Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin));
  const px = (x: number) => m.left + lx(x) * (width - m.left - m.right);
  const py = (y: number) => height - m.bottom - (y / yMax) * (height - m.top - m.bottom);
  const colours = ['#8a1c5c', '#1b5e7a', '#4a6b1f', '#7a4b1b'];
  const dashes = ['', '6 4', '2 3', '10 3 2 3'];

  const yTicks = Array.from({ length: 5 }, (_, i) => (yMax * i) / 4);
  const grid = yTicks
    .map(
      (y) =>
        `<line x1="${m.left}" x2="${width - m.right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/><text x="${m.left - 8}" y="${py(y) + 4}" text-anchor="end">${round(y)}</text>`,
    )
    .join('');
  const xTicks = [...new Set(xs)]
    .sort((a, b) => a - b)
    .map(
      (x) => `<text x="${px(x)}" y="${height - m.bottom + 18}" text-anchor="middle">${x.toLocaleString('en')}</text>`,
    )
    .join('');
  const lines = options.series
    .map((s, i) => {
      const pts = [...s.points].sort((a, b) => a[0] - b[0]);
      const path = pts.map(([x, y], k) => `${k ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
      const dots = pts
        .map(
          ([x, y]) =>
            `<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3.5" fill="${colours[i % 4]}"><title>${escape(s.name)}: ${x.toLocaleString('en')} → ${y}</title></circle>`,
        )
        .join('');
      const legendY = height - m.bottom + 40 + i * 18;
      const legend = `<line x1="${m.left}" x2="${m.left + 28}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colours[i % 4]}" stroke-width="2.5" stroke-dasharray="${dashes[i % 4]}"/><text x="${m.left + 36}" y="${legendY}">${escape(s.name)}</text>`;
      return `<path d="${path}" fill="none" stroke="${colours[i % 4]}" stroke-width="2.5" stroke-dasharray="${dashes[i % 4]}"/>${dots}${legend}`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${escape(options.title)}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(options.title)}</text>` +
    grid +
    xTicks +
    `<text x="${(m.left + width - m.right) / 2}" y="${height - m.bottom + 34 - 4}" text-anchor="middle" fill="#555">${escape(options.xLabel)} (log)</text>` +
    `<text transform="translate(16 ${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#555">${escape(options.yLabel)}</text>` +
    lines +
    `</svg>\n`
  );
}

function niceCeil(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

const round = (value: number) => (Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10);
