import { describe, expect, it } from 'vitest';

import { buildCoverageReport, type CoverageItem, type CoverageReport, currentQuarter } from '../../src/domain/coverage';
import {
  buildFailureAlert,
  buildStateOf,
  decideReminder,
  digestDecisions,
  digestWeek,
  type DigestSchool,
  failureRun,
  REMINDER_THRESHOLDS,
  type ReminderCoverage,
  reminderKey,
  reminderPass,
  type ReminderPerson,
  thresholdDueAt,
  weeklyDigest,
} from '../../src/domain/reminders';
import { ColumnError } from '../../src/messages/column-error';

const school = { slug: 'thcs-nguyen-du' };
const q1: ReminderCoverage = { quarter: '2027-Q1', status: 'in-progress' };
const editor = (done: string[] = [], extra: Partial<ReminderPerson> = {}): ReminderPerson => ({
  id: 7,
  role: 'editor',
  done,
  ...extra,
});
const decide = (iso: string, person = editor(), coverage = q1, s: typeof school & { archived?: boolean } = school) =>
  decideReminder({ now: new Date(iso), school: s, coverage, person });

// 2027-Q1 ends at 00:00 on 1/4/2027 in Vietnam = 2027-03-31T17:00:00Z.
const DUE_21 = '2027-03-10T17:00:00.000Z'; // 00:00 on 11/3 in Vietnam: 21 days left, today included
const DUE_7 = '2027-03-24T17:00:00.000Z'; // 00:00 on 25/3
const DUE_2 = '2027-03-29T17:00:00.000Z'; // 00:00 on 30/3
const before = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();

describe('quarter reminders: which threshold is due', () => {
  it('the thresholds are 21, 7 and 2 days, each due from a Vietnam midnight', () => {
    expect(REMINDER_THRESHOLDS).toEqual([21, 7, 2]);
    expect(thresholdDueAt('2027-Q1', 21).toISOString()).toBe(DUE_21);
    expect(thresholdDueAt('2027-Q1', 7).toISOString()).toBe(DUE_7);
    expect(thresholdDueAt('2027-Q1', 2).toISOString()).toBe(DUE_2);
    expect(reminderKey('2027-Q1', 21)).toBe('2027-Q1:21');
    expect(() => reminderKey('2027-q1', 21)).toThrow();
  });

  it('21 days: not one millisecond before local midnight, exactly at it', () => {
    expect(decide(before(DUE_21))).toMatchObject({
      send: false,
      reason: 'not-yet-due',
      daysLeft: 22,
      nextDueAt: DUE_21,
      markDone: [],
    });
    expect(decide(DUE_21)).toEqual({
      person: 7,
      school: 'thcs-nguyen-du',
      quarter: '2027-Q1',
      daysLeft: 21,
      send: true,
      reason: 'due',
      threshold: 21,
      passedOver: [],
      markDone: ['2027-Q1:21'],
    });
  });

  it('7 and 2 days, at their local midnights, once the earlier ones went out', () => {
    expect(decide(before(DUE_7), editor(['2027-Q1:21']))).toMatchObject({
      send: false,
      reason: 'already-sent',
      daysLeft: 8,
      nextDueAt: DUE_7,
    });
    expect(decide(DUE_7, editor(['2027-Q1:21']))).toMatchObject({ send: true, threshold: 7, daysLeft: 7 });
    expect(decide(before(DUE_2), editor(['2027-Q1:21', '2027-Q1:7']))).toMatchObject({
      send: false,
      reason: 'already-sent',
      daysLeft: 3,
      nextDueAt: DUE_2,
    });
    expect(decide(DUE_2, editor(['2027-Q1:21', '2027-Q1:7']))).toMatchObject({
      send: true,
      threshold: 2,
      daysLeft: 2,
      markDone: ['2027-Q1:2'],
    });
    // The quarter's last millisecond: the 2-day reminder is still the one due, and only once.
    expect(decide('2027-03-31T16:59:59.999Z', editor(['2027-Q1:21', '2027-Q1:7']))).toMatchObject({
      send: true,
      threshold: 2,
      daysLeft: 1,
    });
    expect(decide('2027-03-31T16:59:59.999Z', editor(['2027-Q1:21', '2027-Q1:7', '2027-Q1:2']))).toMatchObject({
      send: false,
      reason: 'already-sent',
      nextDueAt: null,
      markDone: [],
    });
  });

  it('a pass that runs late sends only the most urgent reminder and marks the ones it passed over', () => {
    const late = decide('2027-03-30T02:00:00Z');
    expect(late).toMatchObject({
      send: true,
      threshold: 2,
      passedOver: [21, 7],
      markDone: ['2027-Q1:21', '2027-Q1:7', '2027-Q1:2'],
    });
    // With what it marked remembered, nothing follows: no burst of 21 and 7 later.
    expect(decide('2027-03-30T03:00:00Z', editor(late.markDone))).toMatchObject({
      send: false,
      reason: 'already-sent',
      markDone: [],
    });
    // Down over the 7-day threshold only: back on 30/3, the 2-day reminder goes, 7 is passed over.
    expect(decide('2027-03-30T02:00:00Z', editor(['2027-Q1:21']))).toMatchObject({
      send: true,
      threshold: 2,
      passedOver: [7],
      markDone: ['2027-Q1:7', '2027-Q1:2'],
    });
  });

  it('a more urgent reminder already sent closes the less urgent ones left open', () => {
    expect(decide(DUE_2, editor(['2027-Q1:2']))).toMatchObject({
      send: false,
      reason: 'already-sent',
      markDone: ['2027-Q1:21', '2027-Q1:7'],
    });
  });

  it('an hourly pass over the whole quarter sends exactly three reminders, at the three midnights', () => {
    const done = new Set<string>();
    const sent: string[] = [];
    for (let t = Date.parse('2027-01-01T00:00:00+07:00'); t < Date.parse('2027-04-01T06:00:00+07:00'); t += 3_600_000) {
      const d = decide(new Date(t).toISOString(), editor([...done]));
      if (d.send) sent.push(`${d.threshold}@${new Date(t).toISOString()}`);
      d.markDone.forEach((k) => done.add(k));
    }
    expect(sent).toEqual([`21@${DUE_21}`, `7@${DUE_7}`, `2@${DUE_2}`]);
  });

  it('a pass run twice for the same moment sends nothing the second time', () => {
    const people = [editor(), { ...editor(), id: 8, role: 'admin' as const }];
    const first = reminderPass({ now: new Date(DUE_7), school, coverage: q1, people });
    expect(first.map((d) => d.send)).toEqual([true, true]);
    const remembered = people.map((p, i) => ({ ...p, done: first[i]!.markDone }));
    const second = reminderPass({ now: new Date(DUE_7), school, coverage: q1, people: remembered });
    expect(second.map((d) => [d.person, d.send, d.reason])).toEqual([
      [7, false, 'already-sent'],
      [8, false, 'already-sent'],
    ]);
  });

  it('nobody is reminded of a covered quarter, whatever the day', () => {
    for (const iso of [DUE_21, DUE_7, DUE_2]) {
      expect(decide(iso, editor(), { quarter: '2027-Q1', status: 'covered' })).toMatchObject({
        send: false,
        reason: 'covered',
        markDone: [],
      });
    }
  });

  it('people who turned reminders off, contributors and archived schools get none', () => {
    expect(decide(DUE_2, editor([], { remindersOff: true }))).toMatchObject({ send: false, reason: 'reminders-off' });
    expect(decide(DUE_2, editor([], { role: 'contributor' }))).toMatchObject({ send: false, reason: 'not-an-editor' });
    expect(decide(DUE_2, editor([], { role: 'admin' }))).toMatchObject({ send: true, threshold: 2 });
    expect(decide(DUE_2, editor(), q1, { ...school, archived: true })).toMatchObject({
      send: false,
      reason: 'school-archived',
      markDone: [],
    });
  });

  it('nothing once the quarter has ended, however late the pass', () => {
    for (const iso of ['2027-03-31T17:00:00Z', '2027-04-01T02:00:00Z', '2027-06-01T00:00:00Z']) {
      expect(decide(iso, editor(), { quarter: '2027-Q1', status: 'in-progress' })).toMatchObject({
        send: false,
        reason: 'quarter-ended',
        daysLeft: 0,
        markDone: [],
      });
      expect(decide(iso, editor(), { quarter: '2027-Q1', status: 'missed' })).toMatchObject({
        reason: 'quarter-ended',
      });
    }
    expect(decide(DUE_2, editor(), { quarter: '2027-Q2', status: 'in-progress' })).toMatchObject({
      send: false,
      reason: 'quarter-not-started',
    });
  });

  it('the year rollover: Q4 ends at Vietnam midnight on 31/12, then Q1 starts afresh', () => {
    const q4: ReminderCoverage = { quarter: '2026-Q4', status: 'in-progress' };
    const q4done = ['2026-Q4:21', '2026-Q4:7'];
    expect(decide('2026-12-29T17:00:00Z', editor(q4done), q4)).toMatchObject({ send: true, threshold: 2, daysLeft: 2 });
    expect(decide('2026-12-31T16:59:59.999Z', editor(q4done), q4)).toMatchObject({ send: true, daysLeft: 1 });
    // 00:00 on 1/1/2027 in Vietnam is still 31/12 in UTC.
    expect(decide('2026-12-31T17:00:00Z', editor(q4done), q4)).toMatchObject({ reason: 'quarter-ended' });
    const newYear = decide('2026-12-31T17:00:00Z', editor([...q4done, '2026-Q4:2']), q1);
    expect(newYear).toMatchObject({ send: false, reason: 'not-yet-due', daysLeft: 90, nextDueAt: DUE_21 });
    // Last quarter's keys do not count for this one.
    expect(decide(DUE_21, editor([...q4done, '2026-Q4:2']))).toMatchObject({ send: true, threshold: 21 });
  });

  it('reads the current quarter from a real coverage report', () => {
    const policy = { start: '2026-Q4', minPerQuarter: 2 };
    const item = (id: number, publishedAt: string): CoverageItem => ({
      id,
      collection: 'articles',
      title: `Bài ${id}`,
      status: 'published',
      publishedAt,
      countsTowardColumn: true,
    });
    const now = new Date(DUE_7);
    const one = buildCoverageReport({ policy, now, items: [item(1, '2027-02-01T03:00:00Z')] });
    expect(decideReminder({ now, school, coverage: currentQuarter(one), person: editor() })).toMatchObject({
      send: true,
      threshold: 7,
    });
    const two = buildCoverageReport({
      policy,
      now,
      items: [item(1, '2027-02-01T03:00:00Z'), item(2, '2027-03-20T03:00:00Z')],
    });
    expect(decideReminder({ now, school, coverage: currentQuarter(two), person: editor() }).reason).toBe('covered');
  });

  it('refuses a moment that is not one', () => {
    expect(() => decide('not a date')).toThrow(ColumnError);
  });
});

describe("district officers' weekly digest", () => {
  const policy = { start: '2026-Q4', minPerQuarter: 2 };
  const item = (id: number, publishedAt: string): CoverageItem => ({
    id,
    collection: 'articles',
    title: `Bài ${id}`,
    status: 'published',
    publishedAt,
    countsTowardColumn: true,
  });
  const report = (now: string, items: CoverageItem[], start = policy.start): CoverageReport =>
    buildCoverageReport({ policy: { ...policy, start }, now: new Date(now), items });
  const NOW = '2027-03-15T03:00:00Z'; // 17 days left in Q1/2027
  const inQ4 = [item(1, '2026-10-10T03:00:00Z'), item(2, '2026-11-10T03:00:00Z')];
  const inQ1 = [item(3, '2027-01-10T03:00:00Z'), item(4, '2027-02-10T03:00:00Z')];
  const schools = (now: string): DigestSchool[] => [
    { slug: 'a', name: 'Trường A', report: report(now, [inQ1[0]!]) }, // missed Q4, behind in Q1
    { slug: 'b', name: 'Trường B', report: report(now, [...inQ4, ...inQ1]) }, // fine
    { slug: 'c', name: 'Trường C', error: 'Không kết nối được' },
    { slug: 'd', name: 'Trường D', report: report('2026-12-20T03:00:00Z', []) }, // made last quarter
    { slug: 'e', name: 'Trường E', archived: true, report: report(now, []) },
    { slug: 'f', name: 'Trường F', report: report(now, [], '2027-Q1') }, // starts this quarter
    { slug: 'g', name: 'Trường G', report: report(now, [...inQ4, ...inQ1, item(5, '2027-03-01T00:00:00Z')]) },
  ];

  it('lists the schools at risk, those that missed the last quarter, and those it cannot speak for', () => {
    const digest = weeklyDigest(new Date(NOW), schools(NOW));
    expect(digest).toMatchObject({ week: '2027-W11', quarter: '2027-Q1', lastQuarter: '2026-Q4', empty: false });
    expect(digest.atRisk).toEqual([
      { slug: 'a', name: 'Trường A', quarter: '2027-Q1', count: 1, minPerQuarter: 2, daysLeft: 17 },
      { slug: 'f', name: 'Trường F', quarter: '2027-Q1', count: 0, minPerQuarter: 2, daysLeft: 17 },
    ]);
    expect(digest.missedLast).toEqual([
      { slug: 'a', name: 'Trường A', quarter: '2026-Q4', count: 0, minPerQuarter: 2 },
    ]);
    expect(digest.unknown).toEqual([
      { slug: 'c', name: 'Trường C', reason: 'unreadable', detail: 'Không kết nối được' },
      { slug: 'd', name: 'Trường D', reason: 'out-of-date', detail: '2026-12-20T03:00:00.000Z' },
    ]);
  });

  it('at risk from 21 days left: not one millisecond before the local midnight', () => {
    expect(weeklyDigest(new Date(before(DUE_21)), schools(before(DUE_21))).atRisk).toEqual([]);
    expect(weeklyDigest(new Date(DUE_21), schools(DUE_21)).atRisk.map((s) => [s.slug, s.daysLeft])).toEqual([
      ['a', 21],
      ['f', 21],
    ]);
  });

  it('just after new year: Q4 is the last quarter, and nobody is at risk yet in Q1', () => {
    const now = '2026-12-31T17:00:00Z';
    const digest = weeklyDigest(new Date(now), [
      { slug: 'a', name: 'Trường A', report: report(now, [inQ4[0]!]) },
      { slug: 'b', name: 'Trường B', report: report(now, inQ4) },
    ]);
    expect(digest).toMatchObject({ quarter: '2027-Q1', lastQuarter: '2026-Q4', week: '2026-W53', atRisk: [] });
    expect(digest.missedLast.map((s) => s.slug)).toEqual(['a']);
  });

  it('an all-good week is empty and is not sent; an officer gets each week once, unless they turned it off', () => {
    const good = weeklyDigest(new Date(NOW), [
      { slug: 'b', name: 'Trường B', report: report(NOW, [...inQ4, ...inQ1]) },
    ]);
    expect(good.empty).toBe(true);
    expect(digestDecisions(good, [{ id: 1, sentWeeks: [] }])).toEqual([
      { officer: 1, week: '2027-W11', send: false, reason: 'nothing-to-report' },
    ]);
    const digest = weeklyDigest(new Date(NOW), schools(NOW));
    expect(
      digestDecisions(digest, [
        { id: 1, sentWeeks: [] },
        { id: 2, sentWeeks: new Set(['2027-W10', '2027-W11']) },
        { id: 3, sentWeeks: ['2027-W10'], remindersOff: true },
        { id: 4, sentWeeks: ['2027-W10'] },
      ]).map((d) => [d.officer, d.send, d.reason]),
    ).toEqual([
      [1, true, 'due'],
      [2, false, 'already-sent'],
      [3, false, 'reminders-off'],
      [4, true, 'due'],
    ]);
  });

  it.each([
    ['2026-12-31T10:00:00Z', '2026-W53'],
    ['2027-01-03T16:59:59Z', '2026-W53'], // Sunday 23:59:59 in Vietnam
    ['2027-01-03T17:00:00Z', '2027-W01'], // Monday 00:00 in Vietnam, still Sunday in UTC
    ['2024-12-30T00:00:00Z', '2025-W01'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2027-03-15T03:00:00Z', '2027-W11'],
  ])('the digest week of %s is %s', (iso, week) => {
    expect(digestWeek(new Date(iso))).toBe(week);
  });
});

describe('failing site builds: one alert per run of failures', () => {
  it('names the run by the success it follows', () => {
    expect(failureRun({})).toBeNull();
    expect(failureRun({ lastSuccessAt: '2027-01-01T00:00:00Z' })).toBeNull();
    expect(failureRun({ lastFailureAt: '2027-01-01T00:00:00Z' })).toBe('after:never');
    expect(failureRun({ lastSuccessAt: '2027-01-01T00:00:00Z', lastFailureAt: '2027-01-02T00:00:00Z' })).toBe(
      'after:2027-01-01T00:00:00.000Z',
    );
    expect(failureRun({ lastSuccessAt: '2027-01-02T00:00:00Z', lastFailureAt: '2027-01-01T00:00:00Z' })).toBeNull();
    expect(() => failureRun({ lastFailureAt: 'yesterday' })).toThrow(TypeError);
  });

  it('over a sequence of builds, alerts once at the first failure of each run', () => {
    const pattern = '✓✗✗✗✓✓✗✓✗✗';
    const builds: { at: string; ok: boolean }[] = [];
    let lastAlertedRun: string | null = null;
    const alerts: number[] = [];
    [...pattern].forEach((mark, i) => {
      builds.push({ at: new Date(Date.UTC(2027, 0, 1, i)).toISOString(), ok: mark === '✓' });
      const decision = buildFailureAlert({ state: buildStateOf(builds), lastAlertedRun });
      if (decision.send) {
        alerts.push(i);
        lastAlertedRun = decision.run;
      }
    });
    expect(alerts).toEqual([1, 6, 8]);
  });

  it('a school that never built successfully is alerted once, and again only after a success', () => {
    const failing = { lastFailureAt: '2027-01-01T00:00:00Z' };
    expect(buildFailureAlert({ state: failing, lastAlertedRun: null })).toEqual({
      send: true,
      reason: 'failing',
      run: 'after:never',
    });
    expect(
      buildFailureAlert({ state: { lastFailureAt: '2027-01-05T00:00:00Z' }, lastAlertedRun: 'after:never' }),
    ).toMatchObject({ send: false, reason: 'already-alerted' });
    expect(
      buildFailureAlert({
        state: { lastSuccessAt: '2027-01-06T00:00:00Z', lastFailureAt: '2027-01-05T00:00:00Z' },
        lastAlertedRun: 'after:never',
      }),
    ).toEqual({ send: false, reason: 'not-failing', run: null });
  });

  it('an archived school is not alerted', () => {
    expect(
      buildFailureAlert({ state: { lastFailureAt: '2027-01-01T00:00:00Z' }, lastAlertedRun: null, archived: true }),
    ).toMatchObject({ send: false, reason: 'school-archived' });
  });

  it('the state of a sequence does not depend on its order', () => {
    const builds = [
      { at: '2027-01-03T00:00:00+07:00', ok: false },
      { at: '2027-01-01T00:00:00Z', ok: true },
      { at: '2027-01-02T00:00:00Z', ok: false },
    ];
    expect(buildStateOf(builds)).toEqual({
      lastSuccessAt: '2027-01-01T00:00:00.000Z',
      lastFailureAt: '2027-01-02T17:00:00.000Z',
    });
    expect(buildStateOf([])).toEqual({ lastSuccessAt: null, lastFailureAt: null });
  });
});
