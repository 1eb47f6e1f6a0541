import { renderToStaticMarkup } from 'react-dom/server';
import type { ServerProps } from 'payload';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { CoveragePanel } from '../../src/cms/admin/CoveragePanel';
import { ReminderBanner } from '../../src/cms/admin/CoverageReminder';
import { quarterLabel, quarterIdOf } from '../../src/domain/quarters';
import { backend, backendLabel, startTestCms, type TestCms } from '../support/cms';
import { createDoc, createSchool, firstSchool, setSchoolSettings } from '../support/fixtures';

let cms: TestCms;
beforeAll(async () => {
  cms = await startTestCms();
  await createSchool(cms.payload, { name: 'Trường THCS' });
});
afterAll(async () => cms?.stop());

const render = async () => renderToStaticMarkup(await CoveragePanel({ payload: cms.payload } as ServerProps));

describe(`the admin dashboard's coverage panel on ${backendLabel[backend]}`, () => {
  it('shows the current quarter, not yet covered, and the last eight quarters', async () => {
    const html = await render();
    const current = quarterLabel(quarterIdOf(new Date()));
    expect(html).toContain('Duy trì chuyên mục theo quý');
    expect(html).toMatch(new RegExp(`${current}:</strong> <span[^>]*>chưa đạt`));
    expect(html.match(/<tr><th scope="row"/g)).toHaveLength(8);
  });

  it('turns to covered once an article is published this quarter', async () => {
    await createDoc(cms.payload, 'articles', { status: 'published', title: 'Bài của quý này' });
    expect(await render()).toMatch(/đã đạt<\/span> \(1\/1 bài\)/);
  });

  it('explains instead of failing when the settings are unusable', async () => {
    // The settings refuse a start quarter in the future, so this one is saved while the
    // clock says 3000 (only Date is faked); back in the present, it lies in the future.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('3000-01-15T00:00:00Z'));
      await setSchoolSettings(cms.payload, { reportingStartQuarter: '2999-Q1' });
    } finally {
      vi.useRealTimers();
    }
    expect((await firstSchool(cms.payload)).reportingStartQuarter).toBe('2999-Q1');
    const html = await render();
    expect(html).toContain('Không lập được báo cáo');
    expect(html).toContain('nằm sau quý hiện tại');
  });
});

describe('the reminder banner', () => {
  it('says which quarter, how many days and how many items are missing, as an alert', () => {
    const html = renderToStaticMarkup(ReminderBanner({ label: 'Quý IV/2026', daysLeft: 7, count: 0, min: 2 }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Sắp hết Quý IV/2026');
    expect(html).toContain('Còn 7 ngày');
    expect(html).toContain('ít nhất 2 bài nữa');
  });
});
