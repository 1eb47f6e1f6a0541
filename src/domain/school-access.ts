/**
 * Who may do what when many schools share one install: the table in
 * docs/ACCESS.md as plain functions, so the CMS's access functions, hooks and
 * the tests all ask the same question. A person's rights are the union of
 * their platform role (over every school) and their memberships (each in its
 * own school only): an editor of A who is a contributor of B edits anything
 * in A and only their own drafts in B.
 *
 * Ids compare as strings: SQLite gives numbers, MongoDB strings, and a
 * request's parameters are always strings.
 */
import type { PlatformRole, Role } from './vocabulary';

export type SchoolId = string | number;
export type Membership = { readonly school: SchoolId; readonly role: Role };
/** null = anonymous reader */
export type Actor = null | {
  readonly id: SchoolId;
  readonly platformRole: PlatformRole | null;
  readonly memberships: readonly Membership[];
};

export const SCHOOL_ACTIONS = [
  'read-published',
  'read-drafts',
  'create-draft',
  'publish',
  'edit',
  'delete',
  'upload',
  'read-accounts',
  'manage-members',
  'read-settings',
  'write-settings',
  'read-build-status',
  'rebuild',
  'read-records',
  'manage-schools',
  'district-dashboard',
  'read-evidence',
] as const;
export type SchoolAction = (typeof SCHOOL_ACTIONS)[number];

/** Where an actor may do an action: in every school, in some schools fully, and in some only on what they created themselves ("own": for accounts, only themself). */
export type Scope = {
  readonly all: boolean;
  readonly schools: readonly SchoolId[];
  readonly ownIn: readonly SchoolId[];
};

type Grant = 'full' | 'own';

// Contributors work on their own drafts; whether a draft is still unpublished is the CMS layer's check.
const CONTRIBUTOR: Partial<Record<SchoolAction, Grant>> = {
  'read-drafts': 'own',
  'create-draft': 'full',
  edit: 'own',
  delete: 'own',
  upload: 'full',
  'read-accounts': 'own',
  'read-settings': 'full',
  'read-build-status': 'full',
  'read-records': 'full',
};
const EDITOR: Partial<Record<SchoolAction, Grant>> = {
  ...CONTRIBUTOR,
  'read-drafts': 'full',
  publish: 'full',
  edit: 'full',
  delete: 'full',
  'read-accounts': 'full',
  rebuild: 'full',
};
// The year's evidence for the annual report is the school's to send: its admins, not its editors.
const SCHOOL_ROLE_GRANTS: Record<Role, Partial<Record<SchoolAction, Grant>>> = {
  contributor: CONTRIBUTOR,
  editor: EDITOR,
  admin: { ...EDITOR, 'manage-members': 'full', 'write-settings': 'full', 'read-evidence': 'full' },
};

/** The district officer oversees every school and changes nothing. */
const DISTRICT_OFFICER_READS: ReadonlySet<SchoolAction> = new Set<SchoolAction>([
  'read-published',
  'read-settings',
  'read-build-status',
  'read-records',
  'district-dashboard',
  'read-evidence',
]);

const EVERYWHERE: Scope = Object.freeze({ all: true, schools: Object.freeze([]), ownIn: Object.freeze([]) });

export const sameId = (a: SchoolId, b: SchoolId): boolean => String(a) === String(b);
const includesId = (ids: readonly SchoolId[], id: SchoolId) => ids.some((x) => sameId(x, id));

export function isPlatformAdmin(actor: Actor): boolean {
  return actor?.platformRole === 'platform-admin';
}

export function isDistrictOfficer(actor: Actor): boolean {
  return actor?.platformRole === 'district-officer';
}

/** Platform admin or district officer (who only reads). */
export function seesAllSchools(actor: Actor): boolean {
  return isPlatformAdmin(actor) || isDistrictOfficer(actor);
}

/** The schools the actor is a member of, each once, optionally only those where they hold one of `roles`. */
export function schoolsOf(actor: Actor, ...roles: Role[]): SchoolId[] {
  const schools: SchoolId[] = [];
  for (const m of actor?.memberships ?? []) {
    if (roles.length > 0 && !roles.includes(m.role)) continue;
    if (!includesId(schools, m.school)) schools.push(m.school);
  }
  return schools;
}

export function scopeOf(actor: Actor, action: SchoolAction): Scope {
  // Published, due content is the public site: everyone reads it, in every school.
  if (action === 'read-published' || isPlatformAdmin(actor)) return EVERYWHERE;
  if (isDistrictOfficer(actor) && DISTRICT_OFFICER_READS.has(action)) return EVERYWHERE;
  const schools: SchoolId[] = [];
  const ownIn: SchoolId[] = [];
  for (const m of actor?.memberships ?? []) {
    const grant = SCHOOL_ROLE_GRANTS[m.role][action];
    if (grant === 'full' && !includesId(schools, m.school)) schools.push(m.school);
    if (grant === 'own' && !includesId(ownIn, m.school)) ownIn.push(m.school);
  }
  // A full grant from another membership in the same school outranks "own".
  return { all: false, schools, ownIn: ownIn.filter((s) => !includesId(schools, s)) };
}

/** `own`: the document (or account) is the actor's own. */
export function may(actor: Actor, action: SchoolAction, school: SchoolId, opts?: { own?: boolean }): boolean {
  const scope = scopeOf(actor, action);
  return scope.all || includesId(scope.schools, school) || (opts?.own === true && includesId(scope.ownIn, school));
}

/** Changing a document's school takes it out of one school's reach into another's: platform admins only. */
export function mayMoveBetweenSchools(actor: Actor): boolean {
  return isPlatformAdmin(actor);
}

/** A school's document links only to its own school's media, documents and topics, whoever links. */
export function mayLink(docSchool: SchoolId, targetSchool: SchoolId): boolean {
  return sameId(docSchool, targetSchool);
}

type Grants = { platformRole: PlatformRole | null; memberships: readonly Membership[] };

/** A change to someone's memberships/platform role, checked against the table: nobody changes their own; only a platform admin sets platform roles or touches schools they are not admin of; a school admin may add/change/remove rows only for schools where they are admin, leaving other rows as they were. */
export type MembershipChange = {
  targetUserId: SchoolId;
  /** null = new account */
  before: Grants | null;
  after: Grants;
};
export type MembershipVerdict =
  { ok: true } | { ok: false; reason: 'self' | 'platform-role' | 'other-school' | 'not-admin' };

const OK: MembershipVerdict = Object.freeze({ ok: true });
const refuse = (reason: 'self' | 'platform-role' | 'other-school' | 'not-admin'): MembershipVerdict => ({
  ok: false,
  reason,
});

/** The schools whose set of roles differs between the two lists (a row added, removed or changed). */
function schoolsChanged(before: readonly Membership[], after: readonly Membership[]): SchoolId[] {
  const rolesIn = (list: readonly Membership[]) => {
    const bySchool = new Map<string, Set<Role>>();
    for (const m of list) bySchool.set(String(m.school), (bySchool.get(String(m.school)) ?? new Set()).add(m.role));
    return bySchool;
  };
  const was = rolesIn(before);
  const is = rolesIn(after);
  const key = (roles: Set<Role> | undefined) => [...(roles ?? [])].sort().join(',');
  return [...new Set([...was.keys(), ...is.keys()])].filter((school) => key(was.get(school)) !== key(is.get(school)));
}

export function checkMembershipChange(actor: Actor, change: MembershipChange): MembershipVerdict {
  const platformRoleChanged = (change.before?.platformRole ?? null) !== change.after.platformRole;
  const touched = schoolsChanged(change.before?.memberships ?? [], change.after.memberships);
  // Saving an account without touching its grants (a name, a password) is no membership change.
  if (change.before !== null && !platformRoleChanged && touched.length === 0) return OK;
  // Even a platform admin: another one must do it, so nobody grants themself more or locks themself out.
  if (actor !== null && sameId(actor.id, change.targetUserId)) return refuse('self');
  if (isPlatformAdmin(actor)) return OK;
  const adminOf = schoolsOf(actor, 'admin');
  if (adminOf.length === 0) return refuse('not-admin');
  if (platformRoleChanged) return refuse('platform-role');
  if (touched.some((school) => !includesId(adminOf, school))) return refuse('other-school');
  return OK;
}
