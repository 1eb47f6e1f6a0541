/**
 * The reminder passes: who gets which reminder, digest or alert at a given
 * moment, decided by src/domain/reminders.ts and sent through the outbox.
 * Run by the hourly `sendReminders` job, by `npm run reminders -- --now …`,
 * after a failed site build (its alert) and after a quarter closes (its
 * result). Each pass is idempotent: what it did is remembered in
 * `reminders-sent`, so running it twice, or on two runners, or after a
 * restart, sends nothing new. One school's failure is reported and does not
 * stop the others.
 */
import type { Payload, Where } from 'payload';

import { buildCoverageReport } from '../../domain/coverage';
import {
  buildFailureMail,
  digestMail,
  type MailContent,
  quarterClosedMail,
  reminderMail,
} from '../../domain/mail-content';
import { quarterIdOf } from '../../domain/quarters';
import {
  buildFailureAlert,
  digestDecisions,
  type DigestSchool,
  REMINDED_ROLES,
  type ReminderKey,
  reminderKey,
  reminderPass,
  weeklyDigest,
} from '../../domain/reminders';
import { sameId, type SchoolId } from '../../domain/school-access';
import { unsubscribeUrl } from '../../domain/unsubscribe';
import type { Role } from '../../domain/vocabulary';
import type { School, User } from '../../payload-types';
import { cmsBrowserUrl } from '../../settings';
import { idOf } from '../access/actor';
import { coverageInputFromCms } from '../coverage-source';
import { type ClosedQuarter, closedRecords } from '../district/close-quarters';
import { columnAddress, hostedSources, selfReported } from '../district/dashboard-data';
import { SITE_BUILDS } from '../site-build/status-collection';
import { type MailKind } from './outbox-collection';
import { queueMail } from './outbox';
import { REMINDERS_SENT } from './sent-log-collection';

export type PlannedMail = {
  kind: MailKind;
  to: string;
  name: string;
  school: string | null;
  subject: string;
  /** What became of it: the outbox state after the first delivery; absent for a dry run. */
  state?: 'queued' | 'retrying' | 'sent' | 'written';
};

export type PassFailure = { school: string | null; error: string };

export type PassResult = { planned: PlannedMail[]; failures: PassFailure[] };

type PassOptions = { now: Date; dryRun?: boolean };

type Member = { user: User; role: Role };

const emptyResult = (): PassResult => ({ planned: [], failures: [] });

const merge = (into: PassResult, from: PassResult) => {
  into.planned.push(...from.planned);
  into.failures.push(...from.failures);
  return into;
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function activeSchools(payload: Payload): Promise<School[]> {
  const { docs } = await payload.find({
    collection: 'schools',
    where: { or: [{ archived: { equals: false } }, { archived: { exists: false } }] },
    sort: 'id',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  });
  return docs;
}

async function members(payload: Payload, school: SchoolId, roles: readonly Role[]): Promise<Member[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { 'schools.school': { equals: school } },
    sort: 'id',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  });
  return docs.flatMap((user) => {
    const membership = (user.schools ?? []).find((m) => sameId(idOf(m.school), school) && roles.includes(m.role));
    return membership ? [{ user, role: membership.role }] : [];
  });
}

async function loggedKeys(payload: Payload, where: Where): Promise<string[]> {
  const { docs } = await payload.find({
    collection: REMINDERS_SENT,
    where,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { key: true },
  });
  return docs.map((d) => d.key);
}

/**
 * Remembers `key` as done; false when it already was (another pass, another
 * runner). The unique index decides a race; the read after a failed create
 * tells "already there" from a real error.
 */
async function claim(
  payload: Payload,
  entry: {
    key: string;
    kind: 'quarter-reminder' | 'weekly-digest' | 'build-failure';
    person?: User['id'];
    school?: SchoolId;
    passedOver?: boolean;
    at: Date;
  },
): Promise<boolean> {
  const exists = async () => (await loggedKeys(payload, { key: { equals: entry.key } })).length > 0;
  if (await exists()) return false;
  try {
    await payload.create({
      collection: REMINDERS_SENT,
      overrideAccess: true,
      depth: 0,
      data: {
        key: entry.key,
        kind: entry.kind,
        person: entry.person ?? null,
        school: (entry.school ?? null) as School['id'] | null,
        passedOver: entry.passedOver ?? false,
        at: entry.at.toISOString(),
      },
    });
    return true;
  } catch (error) {
    if (await exists().catch(() => false)) return false;
    throw error;
  }
}

const optOutLink = (payload: Payload, user: User) => unsubscribeUrl(cmsBrowserUrl(), payload.secret, user.id);

async function send(
  payload: Payload,
  result: PassResult,
  mail: { kind: MailKind; user: User; school: School | null; content: MailContent; dryRun?: boolean },
) {
  const planned: PlannedMail = {
    kind: mail.kind,
    to: mail.user.email,
    name: mail.user.name,
    school: mail.school?.slug ?? null,
    subject: mail.content.subject,
  };
  result.planned.push(planned);
  if (mail.dryRun) return;
  const kept = await queueMail(payload, {
    kind: mail.kind,
    to: { name: mail.user.name, address: mail.user.email },
    school: mail.school?.id ?? null,
    content: mail.content,
    unsubscribeUrl: optOutLink(payload, mail.user),
  });
  planned.state = kept.state;
}

const reminderLogKey = (person: User['id'], school: SchoolId, key: ReminderKey | string) =>
  `reminder|${person}|${school}|${key}`;

/** One school's quarter reminders at `now`. */
async function schoolReminders(payload: Payload, school: School, { now, dryRun }: PassOptions): Promise<PassResult> {
  const result = emptyResult();
  const report = buildCoverageReport(await coverageInputFromCms(payload, { school, now }));
  const current = report.quarters.find((q) => q.quarter === quarterIdOf(now));
  // The school's reporting starts later: nothing to remind of yet.
  if (!current) return result;
  const people = await members(payload, school.id, REMINDED_ROLES);
  if (people.length === 0) return result;
  // Each person's done keys (`2027-Q1:21`), from the log's `reminder|<person>|<school>|<key>`.
  const doneBy = new Map<string, string[]>();
  const logged = await loggedKeys(payload, {
    and: [{ kind: { equals: 'quarter-reminder' } }, { school: { equals: school.id } }],
  });
  for (const [, person, , key] of logged.map((k) => k.split('|'))) {
    if (person && key) doneBy.set(person, [...(doneBy.get(person) ?? []), key]);
  }
  const decisions = reminderPass({
    now,
    school,
    coverage: current,
    people: people.map(({ user, role }) => ({
      id: user.id,
      role,
      remindersOff: user.remindersOff,
      done: doneBy.get(String(user.id)) ?? [],
    })),
  });
  for (const decision of decisions) {
    if (decision.markDone.length === 0) continue;
    const { user } = people.find((p) => sameId(p.user.id, decision.person))!;
    const remind = () =>
      sendReminder(payload, result, school, user, current, report.policy.minPerQuarter, dryRun === true);
    if (dryRun) {
      if (decision.send) await remind();
      continue;
    }
    const entry = (key: string, passedOver: boolean) => ({
      key: reminderLogKey(user.id, school.id, key),
      kind: 'quarter-reminder' as const,
      person: user.id,
      school: school.id,
      passedOver,
      at: now,
    });
    const sent = decision.send ? reminderKey(decision.quarter, decision.threshold) : null;
    // The sent threshold first: if another runner claimed it, this one sends nothing.
    if (sent !== null && !(await claim(payload, entry(sent, false)))) continue;
    for (const key of decision.markDone.filter((k) => k !== sent)) await claim(payload, entry(key, true));
    if (sent !== null) await remind();
  }
  return result;
}

async function sendReminder(
  payload: Payload,
  result: PassResult,
  school: School,
  user: User,
  quarter: { quarter: string; end: string; daysLeft: number; items: { title: string; url: string | null }[] },
  minPerQuarter: number,
  dryRun: boolean,
) {
  const site = columnAddress(school);
  const content = reminderMail({
    personName: user.name,
    schoolName: school.name,
    quarter: quarter.quarter,
    quarterEnd: quarter.end,
    daysLeft: quarter.daysLeft,
    minPerQuarter,
    published: quarter.items.map((i) => ({ title: i.title, url: i.url ? new URL(i.url, site).href : null })),
    writeUrl: `${cmsBrowserUrl()}/admin/collections/articles/create`,
    unsubscribeUrl: optOutLink(payload, user),
  });
  await send(payload, result, { kind: 'quarter-reminder', user, school, content, dryRun });
}

/** Every school's quarter reminders at `now`. */
export async function quarterReminderPass(payload: Payload, options: PassOptions): Promise<PassResult> {
  const result = emptyResult();
  for (const school of await activeSchools(payload)) {
    try {
      merge(result, await schoolReminders(payload, school, options));
    } catch (error) {
      payload.logger.error({ err: error }, `reminders of ${school.slug} failed`);
      result.failures.push({ school: school.slug, error: errorText(error) });
    }
  }
  return result;
}

/** The district officers' weekly digest (once a week each, never an empty one). */
export async function digestPass(payload: Payload, { now, dryRun }: PassOptions): Promise<PassResult> {
  const result = emptyResult();
  const { docs: officers } = await payload.find({
    collection: 'users',
    where: { platformRole: { equals: 'district-officer' } },
    sort: 'id',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  });
  if (officers.length === 0) return result;
  const sources = [...(await hostedSources(payload, { now })), ...(await selfReported(payload))];
  const schools: DigestSchool[] = sources.map((s) => {
    const name = s.name ?? ('report' in s ? s.report.school.name : s.source);
    const slug = s.key ?? s.source;
    return 'report' in s ? { slug, name, report: s.report } : { slug, name, error: s.error };
  });
  const digest = weeklyDigest(now, schools);
  const sentWeeks = new Map<string, string[]>();
  for (const key of await loggedKeys(payload, { kind: { equals: 'weekly-digest' } })) {
    const [, person, week] = key.split('|');
    if (person && week) sentWeeks.set(person, [...(sentWeeks.get(person) ?? []), week]);
  }
  const decisions = digestDecisions(
    digest,
    officers.map((o) => ({ id: o.id, remindersOff: o.remindersOff, sentWeeks: sentWeeks.get(String(o.id)) ?? [] })),
  );
  for (const decision of decisions) {
    if (!decision.send) continue;
    const officer = officers.find((o) => sameId(o.id, decision.officer))!;
    const key = `digest|${officer.id}|${digest.week}`;
    if (!dryRun && !(await claim(payload, { key, kind: 'weekly-digest', person: officer.id, at: now }))) continue;
    const content = digestMail({
      personName: officer.name,
      digest,
      dashboardUrl: `${cmsBrowserUrl()}/admin/district`,
      unsubscribeUrl: optOutLink(payload, officer),
    });
    await send(payload, result, { kind: 'weekly-digest', user: officer, school: null, content, dryRun });
  }
  return result;
}

/** Tells a school's admins that its site build fails: once per run of failures. */
export async function buildAlertPass(
  payload: Payload,
  options: PassOptions & { schools?: readonly School[] },
): Promise<PassResult> {
  const result = emptyResult();
  for (const school of options.schools ?? (await activeSchools(payload))) {
    try {
      const { docs } = await payload.find({
        collection: SITE_BUILDS,
        where: { school: { equals: school.id } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      });
      const status = docs[0];
      if (!status) continue;
      const prefix = `build|${school.id}|`;
      const alerted = (
        await loggedKeys(payload, { and: [{ kind: { equals: 'build-failure' } }, { school: { equals: school.id } }] })
      )
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length));
      const state = { lastSuccessAt: status.lastSuccessAt, lastFailureAt: status.lastFailureAt };
      const decision = buildFailureAlert({ state, lastAlertedRun: null, archived: school.archived });
      if (!decision.send || alerted.includes(decision.run!)) continue;
      if (
        !options.dryRun &&
        !(await claim(payload, {
          key: `${prefix}${decision.run}`,
          kind: 'build-failure',
          school: school.id,
          at: options.now,
        }))
      )
        continue;
      for (const { user } of await members(payload, school.id, ['admin'])) {
        if (user.remindersOff) continue;
        const content = buildFailureMail({
          personName: user.name,
          schoolName: school.name,
          failedAt: status.lastFailureAt!,
          reason: status.lastFailureReason ?? '',
          lastSuccessAt: status.lastSuccessAt ?? null,
          statusUrl: `${cmsBrowserUrl()}/admin/collections/${SITE_BUILDS}/${status.id}`,
          unsubscribeUrl: optOutLink(payload, user),
        });
        await send(payload, result, { kind: 'build-failure', user, school, content, dryRun: options.dryRun });
      }
    } catch (error) {
      payload.logger.error({ err: error }, `build alert of ${school.slug} failed`);
      result.failures.push({ school: school.slug, error: errorText(error) });
    }
  }
  return result;
}

/** The whole pass at `now`: quarter reminders, the weekly digest, failing builds. */
export async function reminderPassAt(payload: Payload, options: PassOptions): Promise<PassResult> {
  const result = emptyResult();
  merge(result, await quarterReminderPass(payload, options));
  try {
    merge(result, await digestPass(payload, options));
  } catch (error) {
    payload.logger.error({ err: error }, 'weekly digest failed');
    result.failures.push({ school: null, error: errorText(error) });
  }
  merge(result, await buildAlertPass(payload, options));
  return result;
}

/** After the closing job recorded quarters: each school's result to its admins. */
export async function notifyClosedQuarters(
  payload: Payload,
  closed: readonly ClosedQuarter[],
  options: PassOptions,
): Promise<PassResult> {
  const result = emptyResult();
  const bySchool = new Map<string, ClosedQuarter[]>();
  for (const c of closed) bySchool.set(String(c.school), [...(bySchool.get(String(c.school)) ?? []), c]);
  for (const [schoolId, quarters] of bySchool) {
    try {
      const school = await payload.findByID({ collection: 'schools', id: schoolId, depth: 0, overrideAccess: true });
      const wanted = new Set(quarters.map((q) => q.quarter));
      const summary = (await closedRecords(payload, school.id))
        .filter((r) => wanted.has(r.quarter))
        .map(({ quarter, record }) => ({
          quarter,
          status: record.status,
          count: record.count,
          minPerQuarter: record.minPerQuarter,
        }));
      for (const { user } of await members(payload, school.id, ['admin'])) {
        if (user.remindersOff) continue;
        const content = quarterClosedMail({
          personName: user.name,
          schoolName: school.name,
          quarters: summary,
          coverageUrl: new URL('bao-cao/', columnAddress(school)).href,
          unsubscribeUrl: optOutLink(payload, user),
        });
        await send(payload, result, { kind: 'quarter-closed', user, school, content, dryRun: options.dryRun });
      }
    } catch (error) {
      payload.logger.error({ err: error }, `closing mail of school ${schoolId} failed`);
      result.failures.push({ school: schoolId, error: errorText(error) });
    }
  }
  return result;
}
