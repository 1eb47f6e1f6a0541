import { describe, expect, it } from 'vitest';

import {
  daysLeftInQuarter,
  quarterEnd,
  quarterIdOf,
  quarterLabel,
  quartersBetween,
  quarterSlug,
  quarterStart,
} from '../../src/domain/quarters';

describe('quarters in Vietnam time (UTC+7)', () => {
  it.each([
    ['2022-03-31T16:59:59Z', '2022-Q1'],
    ['2022-03-31T17:00:00Z', '2022-Q2'],
    ['2022-06-30T16:59:59.999Z', '2022-Q2'],
    ['2022-06-30T17:00:00Z', '2022-Q3'],
    ['2022-09-30T17:00:00Z', '2022-Q4'],
    ['2022-12-31T16:59:59Z', '2022-Q4'],
    ['2022-12-31T17:00:00Z', '2023-Q1'],
    ['2024-02-29T12:00:00Z', '2024-Q1'],
    ['2024-02-29T17:00:00Z', '2024-Q1'],
    ['2024-01-01T00:00:00+07:00', '2024-Q1'],
    ['2023-12-31T23:59:59+07:00', '2023-Q4'],
  ])('%s is in %s', (instant, id) => {
    expect(quarterIdOf(new Date(instant))).toBe(id);
  });

  it('starts at local midnight and ends one millisecond before the next start', () => {
    expect(quarterStart('2022-Q2').toISOString()).toBe('2022-03-31T17:00:00.000Z');
    expect(quarterEnd('2022-Q1').toISOString()).toBe('2022-03-31T16:59:59.999Z');
    expect(quarterStart('2023-Q1').toISOString()).toBe('2022-12-31T17:00:00.000Z');
    expect(quarterEnd('2022-Q4').toISOString()).toBe('2022-12-31T16:59:59.999Z');
  });

  it('labels and slugs', () => {
    expect(quarterLabel('2022-Q1')).toBe('Quý I/2022');
    expect(quarterLabel('2026-Q4')).toBe('Quý IV/2026');
    expect(quarterSlug('2026-Q3')).toBe('2026-q3');
  });

  it('lists quarters across years, both ends included', () => {
    const list = quartersBetween({ year: 2022, quarter: 3 }, { year: 2023, quarter: 2 });
    expect(list.map((q) => `${q.year}-Q${q.quarter}`)).toEqual(['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2']);
    expect(quartersBetween({ year: 2023, quarter: 1 }, { year: 2022, quarter: 4 })).toEqual([]);
  });

  it('days left count today, in local days', () => {
    const q1 = { year: 2022, quarter: 1 as const };
    expect(daysLeftInQuarter(q1, new Date('2021-12-31T17:00:00Z'))).toBe(90); // first local second
    expect(daysLeftInQuarter(q1, new Date('2022-03-30T17:00:00Z'))).toBe(1); // last day starts
    expect(daysLeftInQuarter(q1, new Date('2022-03-31T16:59:59Z'))).toBe(1);
    expect(daysLeftInQuarter(q1, new Date('2022-03-31T17:00:00Z'))).toBe(0);
    const leapQ1 = { year: 2024, quarter: 1 as const };
    expect(daysLeftInQuarter(leapQ1, new Date('2023-12-31T17:00:00Z'))).toBe(91);
  });
});
