import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { EvidencePage, type EvidencePageData } from '../../src/cms/district/EvidencePage';
import { EVIDENCE_CSS, PRINT_LABEL } from '../../src/cms/district/evidence-print';
import { buildCoverageReport, type CoverageItem } from '../../src/domain/coverage';
import { schoolEvidence } from '../../src/domain/evidence';
import { quarterRecordFrom, recordHash } from '../../src/domain/quarter-record';

/**
 * The evidence page's body as the server renders it (the admin's frame
 * aside): the quarters' table with the items' addresses and the record's hash
 * in monospace, one printed page per school, and the print styles. The admin
 * test (tests/admin/district-dashboard.test.ts) checks it in Chromium.
 */
const school = (slug: string, name: string) => ({
  slug,
  name,
  district: 'Quận Hoàn Kiếm',
  address: `https://${slug}.edu.vn/binh-dang-gioi/`,
});
const item: CoverageItem = {
  id: 1,
  collection: 'articles',
  title: 'Ngày hội <Bạn trai & bạn gái>',
  status: 'published',
  publishedAt: '2025-11-10T02:00:00Z',
  countsTowardColumn: true,
  url: '/binh-dang-gioi/bai-viet/ngay-hoi/',
};
const report = (now: string) =>
  buildCoverageReport({
    policy: { start: '2025-Q4', minPerQuarter: 1, countedCollections: ['articles'] },
    now: new Date(now),
    items: [item],
  });
const record = quarterRecordFrom(
  report('2026-01-01T00:00:00Z'),
  '2025-Q4',
  school('a', 'A'),
  new Date('2026-01-01T00:00:00Z'),
);
const hash = recordHash(record);
const evidence = (slug: string, name: string) =>
  schoolEvidence({
    school: school(slug, name),
    year: 2025,
    today: report('2026-02-01T00:00:00Z'),
    records: [{ record, hash, verified: true }],
  });

const render = (data: EvidencePageData) =>
  renderToStaticMarkup(
    createElement(EvidencePage, { result: data, admin: '/admin', api: '/api', xlsxPath: '/x.xlsx' }),
  );

describe('the evidence page', () => {
  const one = render({
    all: false,
    year: 2025,
    generatedAt: new Date('2026-02-01T03:00:00Z'),
    entries: [evidence('thcs-a', 'Trường THCS A')],
  });

  it('shows the school, the print date, the quarter’s items with their address and the hash in monospace', () => {
    expect(one).toContain('Minh chứng duy trì chuyên mục Bình đẳng giới – Năm 2025');
    expect(one).toContain('Trường THCS A – Quận Hoàn Kiếm');
    expect(one).toContain('In lúc 10:00 01/02/2026 (giờ Việt Nam)');
    expect(one).toContain('Kết quả năm: 1/1 quý đạt (theo dõi từ Quý IV/2025)');
    expect(one).toMatch(/<tr data-quarter="2025-Q4" data-phase="ended" data-status="covered">/);
    // Escaped, never markup.
    expect(one).toContain('Ngày hội &lt;Bạn trai &amp; bạn gái&gt;');
    expect(one).toContain(
      '<a class="evidence-address" href="https://thcs-a.edu.vn/binh-dang-gioi/bai-viet/ngay-hoi/">',
    );
    expect(one).toContain(`<code class="evidence-hash" style="display:block" data-hash="true">${hash}</code>`);
    expect(one).toContain('<span data-verified="true">Kiểm tra mã: khớp</span>');
    expect(one).toContain(`<button type="button" data-print-button="true">${PRINT_LABEL}</button>`);
    expect(one).toContain('href="/api/x.xlsx?year=2025&amp;school=thcs-a"');
    expect(one).not.toContain('data-evidence-summary="true"');
  });

  it('for every school: the summary first, then one printed page per school', () => {
    const all = render({
      all: true,
      year: 2025,
      generatedAt: new Date('2026-02-01T03:00:00Z'),
      entries: [
        evidence('thcs-a', 'Trường THCS A'),
        { school: school('thcs-b', 'Trường THCS B'), year: 2025, error: 'Lỗi cài đặt' },
      ],
    });
    // Each printed page (`.evidence-page`, a page break before all but the first) in order.
    const pages = [...all.matchAll(/<section class="evidence-page" data-evidence-(summary|school)="([^"]*)"/g)].map(
      ([, kind, value]) => (kind === 'summary' ? 'summary' : value),
    );
    expect(pages).toEqual(['summary', 'thcs-a', 'thcs-b']);
    expect(all).toContain('<td>ngoài kỳ báo cáo</td>');
    expect(all).toContain('<p role="alert">Lỗi cài đặt</p>');
    expect(all).toContain('href="/api/x.xlsx?year=2025"');
  });

  it('prints black on white without the admin’s navigation, a page per school, the hash in monospace', () => {
    const print = EVIDENCE_CSS.slice(EVIDENCE_CSS.indexOf('@media print'));
    expect(print).toMatch(/\.nav, \.app-header, [^{]*\[data-noprint\] \{ display: none !important; \}/);
    expect(print).toContain('background: #fff !important; color: #000 !important;');
    expect(print).toContain('.evidence-page + .evidence-page { break-before: page;');
    expect(EVIDENCE_CSS).toMatch(/\.evidence-hash \{ font-family: [^}]*monospace/);
  });
});
