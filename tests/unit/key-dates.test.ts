import { describe, expect, it } from 'vitest';

import { keyDateStatus } from '../../src/domain/key-dates';

const at = (iso: string) => keyDateStatus(new Date(iso));

describe('key dates in Vietnam time', () => {
  it('inside the Action Month (15/11–15/12) it is ongoing, and the next date is 8/3', () => {
    const s = at('2026-11-24T03:00:00Z');
    expect(s.ongoing.map((o) => o.campaign)).toEqual(['action-month-15-11']);
    expect(s.ongoing[0]!.daysLeft).toBe(22); // 24/11 … 15/12, today included
    expect(s.next).toMatchObject({ campaign: 'women-day-8-3', daysAway: 104 });
    expect(s.next.start.toISOString()).toBe('2027-03-07T17:00:00.000Z');
  });

  it('the Action Month starts at local midnight of 15/11 and its last day is 15/12', () => {
    expect(at('2026-11-14T16:59:59Z').ongoing).toEqual([]);
    expect(at('2026-11-14T17:00:00Z').ongoing.map((o) => o.campaign)).toEqual(['action-month-15-11']);
    expect(at('2026-12-15T16:59:59Z').ongoing[0]!.daysLeft).toBe(1);
    expect(at('2026-12-15T17:00:00Z').ongoing).toEqual([]);
  });

  it('a one-day date is ongoing on its local day only', () => {
    expect(at('2026-03-08T02:00:00Z').ongoing.map((o) => o.campaign)).toEqual(['women-day-8-3']);
    expect(at('2026-03-07T17:00:00Z').ongoing.map((o) => o.campaign)).toEqual(['women-day-8-3']);
    expect(at('2026-03-07T16:59:59Z').ongoing).toEqual([]);
    expect(at('2026-03-07T16:59:59Z').next).toMatchObject({ campaign: 'women-day-8-3', daysAway: 1 });
  });

  it('the next date after 8/3 is 20/3, after 28/6 the Action Month', () => {
    expect(at('2026-03-09T00:00:00Z').next).toMatchObject({ campaign: 'happiness-day-20-3', daysAway: 11 });
    expect(at('2026-06-29T00:00:00Z').next.campaign).toBe('action-month-15-11');
  });

  it('after 15/12 the next date is in the new year', () => {
    expect(at('2026-12-31T18:00:00Z').next).toMatchObject({ campaign: 'women-day-8-3', daysAway: 66 }); // local 1/1/2027 → 8/3: 31 + 28 + 7
  });
});
