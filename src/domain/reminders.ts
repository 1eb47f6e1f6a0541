/**
 * Who is reminded of what, and when: the rules behind the reminder mails.
 * Pure: the reminder job, `npm run reminders` (with `--dry-run`) and their
 * tests all ask these functions; the mail itself is made and sent elsewhere.
 *
 * - Quarter reminders go to a school's editors and admins while its current
 *   quarter is not yet covered, at 21, 7 and 2 days before the quarter ends
 *   (Vietnam time, boundaries from quarters.ts): threshold T is due from the
 *   local midnight that leaves T days, today included. Each threshold goes
 *   once per quarter per person; what was sent is the caller's memory, as
 *   `reminderKey` strings. A pass that runs late (after downtime) sends only
 *   the most urgent threshold due and marks the ones it passed over as done,
 *   so they never follow in a burst.
 * - The weekly digest tells district officers which schools are at risk this
 *   quarter and which missed the last one.
 * - A school's admins hear of a failing site build once per run of failures.
 *
 * Whoever turned reminder mails off (`remindersOff`, one switch for reminders
 * and digests) gets none; archived schools get nothing.
 */
import { ColumnError } from '../messages/column-error';
import { type CoverageReport, type CoverageStatus, REMINDER_DAYS } from './coverage';
import {
  compareQuarters,
  daysLeftInQuarter,
  parseQuarterId,
  type Quarter,
  quarterEnd,
  quarterId,
  quarterOf,
  quarterStart,
  VIETNAM_OFFSET_MS,
} from './quarters';
import type { Role } from './vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days before the quarter's end when a reminder is due, least urgent first. */
export const REMINDER_THRESHOLDS = [REMINDER_DAYS, 7, 2] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];

/** The roles in a school that receive its quarter reminders. */
export const REMINDED_ROLES: readonly Role[] = ['admin', 'editor'];

/** What the caller remembers per person and school once a threshold is done: `2027-Q1:21`. */
export type ReminderKey = `${string}:${ReminderThreshold}`;

export function reminderKey(quarter: string, threshold: ReminderThreshold): ReminderKey {
  return `${quarterId(parseQuarterId(quarter))}:${threshold}`;
}

function checkNow(now: Date): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new ColumnError('CoverageBadNow');
}

const asQuarter = (q: Quarter | string): Quarter => (typeof q === 'string' ? parseQuarterId(q) : q);

/** The first instant threshold `threshold` is due in the quarter: local midnight `threshold` days before its end. */
export function thresholdDueAt(quarter: Quarter | string, threshold: ReminderThreshold): Date {
  return new Date(quarterEnd(asQuarter(quarter)).getTime() + 1 - threshold * DAY_MS);
}

export type ReminderPerson = {
  id: string | number;
  /** The person's role in this school. */
  role: Role;
  remindersOff?: boolean | null;
  /** Keys already done for this person in this school (sent, or passed over by a late pass). */
  done: ReadonlySet<string> | readonly string[];
};

export type ReminderSchool = { slug: string; archived?: boolean | null };

/** The school's current quarter as its coverage report says (a `QuarterReport` fits). */
export type ReminderCoverage = { quarter: string; status: CoverageStatus };

export type ReminderSkipReason =
  | 'school-archived'
  /** The coverage given is of a quarter that has ended at `now`: nothing is sent for it any more. */
  | 'quarter-ended'
  /** The coverage given is of a quarter that has not begun at `now`. */
  | 'quarter-not-started'
  | 'covered'
  | 'not-an-editor'
  | 'reminders-off'
  | 'not-yet-due'
  | 'already-sent';

type DecisionBase = {
  person: string | number;
  school: string;
  quarter: string;
  /** Days left in the quarter counting today (0 once it has ended). */
  daysLeft: number;
  /** Keys to remember as done after this decision (the sent threshold and those passed over). */
  markDone: ReminderKey[];
};

export type ReminderDecision = DecisionBase &
  (
    | {
        send: true;
        reason: 'due';
        threshold: ReminderThreshold;
        /** Less urgent thresholds due but never sent: passed over, not sent later. */
        passedOver: ReminderThreshold[];
      }
    | {
        send: false;
        reason: ReminderSkipReason;
        /** For 'not-yet-due' and 'already-sent': when the next threshold becomes due (ISO), null if none is left. */
        nextDueAt: string | null;
      }
  );

export type ReminderInput = {
  now: Date;
  school: ReminderSchool;
  coverage: ReminderCoverage;
  person: ReminderPerson;
};

/** Whether one person of one school gets a quarter reminder at `now`, and why (not). */
export function decideReminder({ now, school, coverage, person }: ReminderInput): ReminderDecision {
  checkNow(now);
  const quarter = parseQuarterId(coverage.quarter);
  const id = quarterId(quarter);
  const base = {
    person: person.id,
    school: school.slug,
    quarter: id,
    daysLeft: daysLeftInQuarter(quarter, now),
  };
  const skip = (reason: ReminderSkipReason, markDone: ReminderKey[] = [], nextDueAt: string | null = null) =>
    ({ ...base, send: false, reason, nextDueAt, markDone }) satisfies ReminderDecision;

  if (school.archived) return skip('school-archived');
  const order = compareQuarters(quarter, quarterOf(now));
  if (order < 0) return skip('quarter-ended');
  if (order > 0) return skip('quarter-not-started');
  if (coverage.status === 'covered') return skip('covered');
  if (!REMINDED_ROLES.includes(person.role)) return skip('not-an-editor');
  if (person.remindersOff) return skip('reminders-off');

  const done = new Set(person.done);
  const isDue = (t: ReminderThreshold) => now.getTime() >= thresholdDueAt(quarter, t).getTime();
  const due = REMINDER_THRESHOLDS.filter(isDue);
  const upcoming = REMINDER_THRESHOLDS.filter((t) => !isDue(t));
  const nextDueAt = upcoming.length > 0 ? thresholdDueAt(quarter, upcoming[0]!).toISOString() : null;
  if (due.length === 0) return skip('not-yet-due', [], nextDueAt);

  const mostUrgent = due[due.length - 1]!;
  const notDone = due.filter((t) => !done.has(reminderKey(id, t)));
  const keys = (list: readonly ReminderThreshold[]) => list.map((t) => reminderKey(id, t));
  // A more urgent reminder already went out: the less urgent ones it passed over stay unsent.
  if (!notDone.includes(mostUrgent)) return skip('already-sent', keys(notDone), nextDueAt);
  return {
    ...base,
    send: true,
    reason: 'due',
    threshold: mostUrgent,
    passedOver: notDone.filter((t) => t !== mostUrgent),
    markDone: keys(notDone),
  };
}

/** One school's reminder pass: a decision for each of its people, in their order. */
export function reminderPass(input: {
  now: Date;
  school: ReminderSchool;
  coverage: ReminderCoverage;
  people: readonly ReminderPerson[];
}): ReminderDecision[] {
  return input.people.map((person) => decideReminder({ ...input, person }));
}

// ---------------------------------------------------------------------------
// The district officers' weekly digest

/** "2027-W10": the ISO week holding `now`'s day in Vietnam; one digest per officer per week. */
export function digestWeek(now: Date): string {
  checkNow(now);
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // ISO weeks belong to the year of their Thursday, and are counted from that year's first Thursday.
  const thursday = new Date(day + (3 - ((local.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A school as the digest reads it: its report (closed quarters from their records, see `applyRecords`) or why there is none. */
export type DigestSchool = { slug: string; name: string; archived?: boolean | null } & (
  { report: CoverageReport } | { error: string }
);

export type DigestEntry = { slug: string; name: string; quarter: string; count: number; minPerQuarter: number };

export type WeeklyDigest = {
  week: string;
  /** The quarter in progress at `now`. */
  quarter: string;
  /** The last quarter that has ended at `now`. */
  lastQuarter: string;
  /** Not yet covered this quarter with `REMINDER_DAYS` or fewer days left; in the schools' order, as the lists below. */
  atRisk: (DigestEntry & { daysLeft: number })[];
  /** Missed the last ended quarter. */
  missedLast: DigestEntry[];
  /** Schools the digest cannot speak for: the report could not be read, or was made in another quarter. */
  unknown: { slug: string; name: string; reason: 'unreadable' | 'out-of-date'; detail: string }[];
  /** Nothing to tell: no school at risk, none missed, none unknown. */
  empty: boolean;
};

export function weeklyDigest(now: Date, schools: readonly DigestSchool[]): WeeklyDigest {
  checkNow(now);
  const current = quarterOf(now);
  const last = quarterOf(new Date(quarterStart(current).getTime() - 1));
  const daysLeft = daysLeftInQuarter(current, now);
  const digest: WeeklyDigest = {
    week: digestWeek(now),
    quarter: quarterId(current),
    lastQuarter: quarterId(last),
    atRisk: [],
    missedLast: [],
    unknown: [],
    empty: true,
  };
  for (const school of schools) {
    if (school.archived) continue;
    const who = { slug: school.slug, name: school.name };
    if ('error' in school) {
      digest.unknown.push({ ...who, reason: 'unreadable', detail: school.error });
      continue;
    }
    const { report } = school;
    // A report made in another quarter cannot say how this one or the last one went.
    if (quarterId(quarterOf(new Date(report.generatedAt))) !== digest.quarter) {
      digest.unknown.push({ ...who, reason: 'out-of-date', detail: report.generatedAt });
      continue;
    }
    const entry = (quarter: string, count: number) => ({
      ...who,
      quarter,
      count,
      minPerQuarter: report.policy.minPerQuarter,
    });
    const thisQuarter = report.quarters.find((q) => q.quarter === digest.quarter);
    if (thisQuarter?.status === 'in-progress' && daysLeft <= REMINDER_DAYS) {
      digest.atRisk.push({ ...entry(thisQuarter.quarter, thisQuarter.count), daysLeft });
    }
    // Absent when the school's reporting starts with the current quarter: nothing was missed.
    const before = report.quarters.find((q) => q.quarter === digest.lastQuarter);
    if (before?.status === 'missed') digest.missedLast.push(entry(before.quarter, before.count));
  }
  digest.empty = digest.atRisk.length + digest.missedLast.length + digest.unknown.length === 0;
  return digest;
}

export type DigestOfficer = {
  id: string | number;
  remindersOff?: boolean | null;
  /** `digestWeek` values already sent to this officer. */
  sentWeeks: ReadonlySet<string> | readonly string[];
};

export type DigestDecision = {
  officer: string | number;
  week: string;
  send: boolean;
  reason: 'due' | 'reminders-off' | 'already-sent' | 'nothing-to-report';
};

/** Which officers get this week's digest: once a week each, never an empty one. */
export function digestDecisions(digest: WeeklyDigest, officers: readonly DigestOfficer[]): DigestDecision[] {
  return officers.map((officer) => {
    const decide = (send: boolean, reason: DigestDecision['reason']) => ({
      officer: officer.id,
      week: digest.week,
      send,
      reason,
    });
    if (officer.remindersOff) return decide(false, 'reminders-off');
    if (new Set(officer.sentWeeks).has(digest.week)) return decide(false, 'already-sent');
    if (digest.empty) return decide(false, 'nothing-to-report');
    return decide(true, 'due');
  });
}

// ---------------------------------------------------------------------------
// Failing site builds

/** A school's builds as its `site-builds` status keeps them: the last success and the last failure (ISO). */
export type BuildState = { lastSuccessAt?: string | null; lastFailureAt?: string | null };

export type BuildOutcome = { at: string; ok: boolean };

const instant = (value: string, what: string): number => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`${what} is not an instant: ${JSON.stringify(value)}`);
  return ms;
};

/** The status a sequence of builds leaves (in any order): the latest success and the latest failure. */
export function buildStateOf(builds: readonly BuildOutcome[]): BuildState {
  const latest = (ok: boolean) =>
    builds
      .filter((b) => b.ok === ok)
      .map((b) => instant(b.at, 'A build time'))
      .reduce<number | null>((a, b) => (a === null || b > a ? b : a), null);
  const success = latest(true);
  const failure = latest(false);
  return {
    lastSuccessAt: success === null ? null : new Date(success).toISOString(),
    lastFailureAt: failure === null ? null : new Date(failure).toISOString(),
  };
}

/**
 * The run of failures the builds are in, or null when the last build
 * succeeded (or none failed). A run is named by the success it follows
 * (`after:never` before any), so every failure until the next success
 * belongs to the same run.
 */
export function failureRun(state: BuildState): string | null {
  if (!state.lastFailureAt) return null;
  const failure = instant(state.lastFailureAt, 'lastFailureAt');
  if (!state.lastSuccessAt) return 'after:never';
  const success = instant(state.lastSuccessAt, 'lastSuccessAt');
  return failure > success ? `after:${new Date(success).toISOString()}` : null;
}

export type BuildAlertDecision = {
  send: boolean;
  reason: 'failing' | 'not-failing' | 'already-alerted' | 'school-archived';
  /** The current run of failures (remember it as alerted once sent), null when not failing. */
  run: string | null;
};

/** Whether a school's admins hear now that its site build fails: once per run of failures. */
export function buildFailureAlert(input: {
  state: BuildState;
  /** The run last alerted for this school, as `failureRun` named it. */
  lastAlertedRun: string | null | undefined;
  archived?: boolean | null;
}): BuildAlertDecision {
  const run = failureRun(input.state);
  if (input.archived) return { send: false, reason: 'school-archived', run };
  if (run === null) return { send: false, reason: 'not-failing', run };
  if (run === input.lastAlertedRun) return { send: false, reason: 'already-alerted', run };
  return { send: true, reason: 'failing', run };
}

// ---------------------------------------------------------------------------
// When the scheduled pass may send

/** The scheduled pass sends from 07:00 to 20:59 Vietnam time: a teacher's phone does not buzz at night. */
export const SENDING_HOURS = { from: 7, until: 21 } as const;

/** Whether the scheduled pass sends at `now`; a pass run by hand (`npm run reminders`) does not ask. */
export function withinSendingHours(now: Date): boolean {
  checkNow(now);
  const hour = new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
  return hour >= SENDING_HOURS.from && hour < SENDING_HOURS.until;
}
