import { describe, expect, it } from 'vitest';

import { buildCoverageReport } from '../../src/domain/coverage';
import { quarterEnd, quarterId, quarterOf, quarterStart } from '../../src/domain/quarters';
import { slugify } from '../../src/domain/slug';
import { demoArticles, demoImages, demoTopics } from '../../src/seed/demo-content';
import {
  districtItemDate,
  districtSchools,
  districtStartQuarter,
  quarterBefore,
  REPORTED_QUARTERS,
} from '../../src/seed/district-content';

const DAY = 86_400_000;

describe('the demo district’s dates, relative to the day the seed runs', () => {
  it('counts quarters back across years, in Vietnam time', () => {
    const now = new Date('2026-12-03T10:00:00.000Z');
    expect([1, 3, 4, 6].map((n) => quarterId(quarterBefore(now, n)))).toEqual([
      '2026-Q3',
      '2026-Q1',
      '2025-Q4',
      '2025-Q2',
    ]);
    // 00:30 on 1 January in Vietnam is still 31 December in UTC: the quarter is already 2027-Q1.
    expect(quarterId(quarterBefore(new Date('2026-12-31T17:30:00.000Z'), 1))).toBe('2026-Q4');
    expect(districtStartQuarter(now)).toBe('2025-Q2');
  });

  it('dates every item inside its quarter, far from both ends, and before the seed runs', () => {
    for (const now of [
      new Date('2026-12-03T10:00:00.000Z'),
      new Date('2027-01-01T00:00:00.000Z'),
      new Date('2027-03-31T16:59:59.000Z'),
    ])
      for (let n = 1; n <= REPORTED_QUARTERS; n++) {
        const date = new Date(districtItemDate(now, n));
        const quarter = quarterBefore(now, n);
        expect(quarterId(quarterOf(date))).toBe(quarterId(quarter));
        expect(date.getTime() - quarterStart(quarter).getTime()).toBeGreaterThan(DAY);
        expect(quarterEnd(quarter).getTime() - date.getTime()).toBeGreaterThan(DAY);
        expect(date.getTime()).toBeLessThan(now.getTime());
      }
  });
});

describe('the demo district’s schools', () => {
  const now = new Date('2026-12-03T10:00:00.000Z');
  const reportOf = (school: (typeof districtSchools)[number]) =>
    buildCoverageReport({
      policy: { start: districtStartQuarter(now), minPerQuarter: 1, countedCollections: ['articles'] },
      now,
      items: school.articles.map((a, i) => ({
        id: i,
        collection: 'articles',
        title: a.title,
        status: a.draft ? 'draft' : 'published',
        publishedAt: districtItemDate(now, a.quartersAgo),
        firstPublishedAt: districtItemDate(now, a.quartersAgo),
        countsTowardColumn: true,
      })),
    });

  it('one keeps every ended quarter, the other misses two (one of them holds only a draft)', () => {
    const [leLoi, tranPhu] = districtSchools;
    expect(reportOf(leLoi!).summary).toMatchObject({ quarters: 7, covered: 6, missed: 0, inProgress: 1 });
    expect(reportOf(tranPhu!).summary).toMatchObject({
      quarters: 7,
      covered: 4,
      missed: 2,
      inProgress: 1,
      missedQuarters: ['2025-Q3', '2026-Q2'],
    });
    expect(tranPhu!.articles.filter((a) => a.draft).map((a) => a.quartersAgo)).toEqual([2]);
  });

  it('have one account per role with their own e-mails, and titles no other seeded school uses', () => {
    const emails = districtSchools.flatMap((s) => s.accounts.map((a) => a.email));
    expect(new Set(emails).size).toBe(emails.length);
    for (const school of districtSchools)
      expect(school.accounts.map((a) => a.role).sort()).toEqual(['admin', 'contributor', 'editor']);
    // Slugs are unique per school; across schools they are kept apart too, so backups compare by slug.
    const slugs = [...demoArticles, ...districtSchools.flatMap((s) => s.articles)].map((a) => slugify(a.title));
    expect(new Set(slugs).size).toBe(slugs.length);
    const topics = [...demoTopics.map((t) => t.title), ...districtSchools.map((s) => s.topic)].map(slugify);
    expect(new Set(topics).size).toBe(topics.length);
    const files = [...demoImages, ...districtSchools.map((s) => s.image)].map((i) => i.filename);
    expect(new Set(files).size, 'file names are unique per install').toBe(files.length);
    for (const school of districtSchools)
      for (const article of school.articles) {
        expect(article.quartersAgo).toBeGreaterThanOrEqual(1);
        expect(article.quartersAgo).toBeLessThanOrEqual(REPORTED_QUARTERS);
      }
  });
});
