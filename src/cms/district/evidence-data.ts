/**
 * A school's evidence for the annual report (src/domain/evidence.ts) from the
 * CMS, for the printable page and the workbook: one school (its admins,
 * district officers, platform admins) or every school in service at once
 * (district officers and platform admins).
 *
 * As for the dashboard, the coverage rule reads every item past the access
 * rules (it decides what counts) and only after the account has been let
 * through; what leaves here is the published items the rule counted and the
 * closed records, never a draft.
 */
import type { Payload, TypedUser } from 'payload';

import { buildCoverageReport } from '../../domain/coverage';
import { type EvidenceEntry, type EvidenceSchool, parseEvidenceYear, schoolEvidence } from '../../domain/evidence';
import { quarterOf } from '../../domain/quarters';
import { may, scopeOf, seesAllSchools } from '../../domain/school-access';
import { type MessageName, type RenderedMessage, renderMessage } from '../../messages/catalogue';
import { ColumnError } from '../../messages/column-error';
import type { School } from '../../payload-types';
import { actorOf } from '../access/actor';
import { coverageInputFromCms } from '../coverage-source';
import { closedRecords } from './close-quarters';
import { activeSchools, columnAddress } from './dashboard-data';

export type EvidenceRefusal = Extract<
  MessageName,
  'EvidenceSignIn' | 'EvidenceNotAllowed' | 'EvidenceAllNotAllowed' | 'EvidenceSchoolNotFound' | 'EvidenceBadYear'
>;

/** What a request asked for: one school's slug (or every school), and the year as the address gave it. */
export type EvidenceRequest = { school: string | null; year: unknown };

export type EvidenceResult =
  | { ok: true; all: boolean; year: number; generatedAt: Date; entries: EvidenceEntry[] }
  | { ok: false; code: EvidenceRefusal; status: 400 | 401 | 403 | 404; details: Record<string, string> };

const STATUS: Record<EvidenceRefusal, 400 | 401 | 403 | 404> = {
  EvidenceSignIn: 401,
  EvidenceNotAllowed: 403,
  EvidenceAllNotAllowed: 403,
  EvidenceSchoolNotFound: 404,
  EvidenceBadYear: 400,
};

const refuse = (code: EvidenceRefusal, details: Record<string, string> = {}): EvidenceResult => ({
  ok: false,
  code,
  status: STATUS[code],
  details,
});

/** A refusal in words, its details filled in. */
export function refusalMessage(refusal: { code: EvidenceRefusal; details: Record<string, string> }): RenderedMessage {
  const { code, details } = refusal;
  switch (code) {
    case 'EvidenceSchoolNotFound':
      return renderMessage(code, { school: details.school ?? '' });
    case 'EvidenceBadYear':
      return renderMessage(code, { year: details.year ?? '' });
    default:
      return renderMessage(code);
  }
}

function evidenceSchool(school: School): EvidenceSchool {
  return { slug: school.slug, name: school.name, district: school.district ?? '', address: columnAddress(school) };
}

/** One school's evidence; a school whose report cannot be made is an entry with the reason. */
async function evidenceOf(payload: Payload, school: School, year: number, now: Date): Promise<EvidenceEntry> {
  try {
    const today = buildCoverageReport(await coverageInputFromCms(payload, { now, school }));
    const records = await closedRecords(payload, school.id);
    return schoolEvidence({ school: evidenceSchool(school), year, today, records });
  } catch (error) {
    const reason = ColumnError.is(error) ? error.summary : error instanceof Error ? error.message : String(error);
    return { school: evidenceSchool(school), year, error: reason };
  }
}

async function schoolBySlug(payload: Payload, slug: string): Promise<School | null> {
  // An archived school keeps its records: last year's evidence is still its to send.
  const { docs } = await payload.find({
    collection: 'schools',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
  });
  return docs[0] ?? null;
}

/**
 * The evidence `request` asks for, if `user` may see it. The year defaults to
 * the current one (Vietnam time). A school the account may not see and a
 * school that does not exist are refused alike, unless the account sees every
 * school: then the school is said not to exist.
 */
export async function districtEvidence(
  payload: Payload,
  options: { user: TypedUser | null | undefined; request: EvidenceRequest; now?: Date },
): Promise<EvidenceResult> {
  const now = options.now ?? new Date();
  const actor = actorOf(options.user ?? null);
  if (actor === null) return refuse('EvidenceSignIn');
  const { school: slug, year: rawYear } = options.request;
  if (slug === null && !scopeOf(actor, 'read-evidence').all) return refuse('EvidenceAllNotAllowed');
  const year = rawYear === undefined || rawYear === '' ? quarterOf(now).year : parseEvidenceYear(rawYear);
  if (year === null) return refuse('EvidenceBadYear', { year: String(rawYear) });
  if (slug === null) {
    const entries: EvidenceEntry[] = [];
    for (const school of await activeSchools(payload)) entries.push(await evidenceOf(payload, school, year, now));
    return { ok: true, all: true, year, generatedAt: now, entries };
  }
  const school = await schoolBySlug(payload, slug);
  if (!school)
    return seesAllSchools(actor) ? refuse('EvidenceSchoolNotFound', { school: slug }) : refuse('EvidenceNotAllowed');
  if (!may(actor, 'read-evidence', school.id)) return refuse('EvidenceNotAllowed');
  return { ok: true, all: false, year, generatedAt: now, entries: [await evidenceOf(payload, school, year, now)] };
}
