/**
 * Reads the access table in docs/ACCESS.md and turns each cell into checks
 * against src/domain/school-access.ts: what the cell's words say the module
 * must answer, next to what it answers. Anything the table says that this
 * file does not know how to check (a row, a column, a cell's wording or note)
 * throws, so the table cannot drift away from what is tested.
 */
import {
  checkMembershipChange,
  may,
  mayLink,
  mayMoveBetweenSchools,
  type Actor,
  type Membership,
  type MembershipChange,
  type SchoolAction,
  type SchoolId,
} from '../../src/domain/school-access';
import type { PlatformRole } from '../../src/domain/vocabulary';

export const COLUMNS = [
  'anonymous',
  'contributor of A',
  'editor of A',
  'admin of A',
  'district officer',
  'platform admin',
] as const;
export type Column = (typeof COLUMNS)[number];

export type AccessTable = { columns: Column[]; rows: { label: string; cells: string[] }[] };

/** The first markdown table in the text: its header names the actors, each row a rule. */
export function parseAccessTable(markdown: string): AccessTable {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith('|'));
  if (start < 0) throw new Error('docs/ACCESS.md: no table');
  const end = lines.findIndex((l, i) => i > start && !l.trimStart().startsWith('|'));
  const split = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const [header, separator, ...body] = lines.slice(start, end < 0 ? undefined : end).map(split);
  if (!header || !separator?.every((c) => /^:?-+:?$/.test(c))) throw new Error('docs/ACCESS.md: malformed table');
  const columns = header.slice(1).map((name) => {
    if (!(COLUMNS as readonly string[]).includes(name)) throw new Error(`docs/ACCESS.md: unknown column "${name}"`);
    return name as Column;
  });
  if (columns.join() !== COLUMNS.join()) throw new Error(`docs/ACCESS.md: columns are ${columns.join(', ')}`);
  const rows = body.map(([label = '', ...cells]) => {
    if (cells.length !== columns.length) throw new Error(`docs/ACCESS.md: row "${label}" has ${cells.length} cells`);
    return { label, cells };
  });
  return { columns, rows };
}

/** How the ids look in one database: what a membership stores, and what a query asks with. */
export type IdStyle = {
  name: string;
  /** school A and B as stored in memberships */
  stored: { A: SchoolId; B: SchoolId };
  /** school A and B as an access function is asked about them */
  asked: { A: SchoolId; B: SchoolId };
  /** a user id as stored on the actor, and as a change names it */
  user: (n: number) => { stored: SchoolId; asked: SchoolId };
};

const USER_NUMBER: Record<Column, number | null> = {
  anonymous: null,
  'contributor of A': 11,
  'editor of A': 12,
  'admin of A': 13,
  'district officer': 14,
  'platform admin': 15,
};

/** The six actors of the table's columns; the column's school A is `ids.stored.A`, and nobody is a member of B. */
export function actorFor(column: Column, ids: IdStyle): Actor {
  const n = USER_NUMBER[column];
  if (n === null) return null;
  const id = ids.user(n).stored;
  const member = (role: Membership['role']) => ({
    id,
    platformRole: null,
    memberships: [{ school: ids.stored.A, role }],
  });
  switch (column) {
    case 'contributor of A':
      return member('contributor');
    case 'editor of A':
      return member('editor');
    case 'admin of A':
      return member('admin');
    case 'district officer':
      return { id, platformRole: 'district-officer', memberships: [] };
    default:
      return { id, platformRole: 'platform-admin', memberships: [] };
  }
}

export type Check = { what: string; actual: unknown; expected: unknown };
/** `self`: the actor's own user id as a change names it (null for anonymous). */
type Ctx = { actor: Actor; self: SchoolId | null; ids: IdStyle; base: string; notes: string[] };

/** Notes in brackets or after a semicolon that this file knows; those that add a check are read by their row. */
const KNOWN_NOTES = new Set([
  'not platform roles, not themself', // read by the members row
  'another platform admin does it', // the row's "—" already checks it
  'never delete its content as a side effect', // no action deletes a school's content; the CMS layer's test
  'the public policy only', // the public site shows it, not the API
  'nobody edits or deletes', // records have no write action at all
]);

export function parseCell(text: string): { base: string; notes: string[] } {
  const bracket = /^(.*?)\s*\(([^)]*)\)$/.exec(text);
  const [head = text, ...after] = (bracket ? bracket[1]! : text).split(';').map((s) => s.trim());
  const notes = [...after, ...(bracket ? [bracket[2]!.trim()] : [])];
  for (const note of notes) if (!KNOWN_NOTES.has(note)) throw new Error(`docs/ACCESS.md: unknown note "${note}"`);
  return { base: head, notes };
}

const unknownCell = (ctx: Ctx, row: string): never => {
  throw new Error(`docs/ACCESS.md: row "${row}" has a cell "${ctx.base}" this test cannot check`);
};

const school = (ctx: Ctx, which: 'A' | 'B') => ctx.ids.asked[which];

/** ✓ allowed, — refused, `ownWord` allowed only on the actor's own. */
function grant(ctx: Ctx, row: string, ownWord?: string): 'yes' | 'no' | 'own' {
  if (ctx.base === '✓') return 'yes';
  if (ctx.base === '—') return 'no';
  if (ownWord !== undefined && ctx.base === ownWord) return 'own';
  return unknownCell(ctx, row);
}

function mayChecks(ctx: Ctx, action: SchoolAction, which: 'A' | 'B', g: 'yes' | 'no' | 'own'): Check[] {
  return [
    { what: `${action} in ${which}`, actual: may(ctx.actor, action, school(ctx, which)), expected: g === 'yes' },
    {
      what: `${action} in ${which} on their own`,
      actual: may(ctx.actor, action, school(ctx, which), { own: true }),
      expected: g !== 'no',
    },
  ];
}

const permission =
  (actions: SchoolAction[], where: ('A' | 'B')[], ownWord?: string) =>
  (ctx: Ctx, row: string): Check[] => {
    const g = grant(ctx, row, ownWord);
    return actions.flatMap((action) => where.flatMap((which) => mayChecks(ctx, action, which, g)));
  };

/** A rule for the public site, not the API: the API refuses it. */
const publicOnly =
  (action: SchoolAction, words: string[]) =>
  (ctx: Ctx, row: string): Check[] => {
    if (ctx.base === '✓') return mayChecks(ctx, action, 'A', 'yes');
    if (ctx.base === '—' || words.includes(ctx.base)) return mayChecks(ctx, action, 'A', 'no');
    return unknownCell(ctx, row);
  };

const WRITES: SchoolAction[] = [
  'create-draft',
  'publish',
  'edit',
  'delete',
  'upload',
  'manage-members',
  'write-settings',
  'rebuild',
];

const OTHER_USER = 900;
const grants = (platformRole: PlatformRole | null, memberships: Membership[]) => ({
  platformRole,
  memberships,
});

/** The actor changes another user's grants. */
function verdict(ctx: Ctx, what: string, change: Omit<MembershipChange, 'targetUserId'>) {
  return {
    what,
    change: checkMembershipChange(ctx.actor, { targetUserId: ctx.ids.user(OTHER_USER).asked, ...change }),
  };
}

function membersOfA(ctx: Ctx, row: string): Check[] {
  const A = ctx.ids.stored.A;
  const changes = [
    verdict(ctx, "change another member's role in A", {
      before: grants(null, [{ school: A, role: 'contributor' }]),
      after: grants(null, [{ school: A, role: 'editor' }]),
    }),
    verdict(ctx, 'add a new account to A', { before: null, after: grants(null, [{ school: A, role: 'contributor' }]) }),
    verdict(ctx, 'remove a member from A', {
      before: grants(null, [{ school: A, role: 'editor' }]),
      after: grants(null, []),
    }),
  ];
  const g = grant(ctx, row);
  const checks: Check[] = [
    ...mayChecks(ctx, 'manage-members', 'A', g),
    ...changes.map(({ what, change }) => ({ what, actual: change.ok, expected: g === 'yes' })),
  ];
  if (g === 'no') return checks;
  const qualified = ctx.notes.includes('not platform roles, not themself');
  const giveOfficer = verdict(ctx, 'make a member of A a district officer', {
    before: grants(null, [{ school: A, role: 'editor' }]),
    after: grants('district-officer', [{ school: A, role: 'editor' }]),
  });
  checks.push({
    what: giveOfficer.what,
    actual: giveOfficer.change,
    expected: qualified ? { ok: false, reason: 'platform-role' } : { ok: true },
  });
  if (qualified && ctx.actor && ctx.self !== null) {
    const own = ctx.actor.memberships;
    const self = checkMembershipChange(ctx.actor, {
      targetUserId: ctx.self,
      before: grants(ctx.actor.platformRole, [...own]),
      after: grants(ctx.actor.platformRole, [...own, { school: A, role: 'editor' }]),
    });
    checks.push({ what: 'change their own role in A', actual: self, expected: { ok: false, reason: 'self' } });
  }
  return checks;
}

function ownGrants(ctx: Ctx, row: string): Check[] {
  const g = grant(ctx, row);
  if (!ctx.actor || ctx.self === null) {
    // Anonymous has no grants of their own; "—" means they change nobody's.
    const { change } = verdict(ctx, '', { before: grants(null, []), after: grants('platform-admin', []) });
    return [{ what: 'anonymous changes platform roles', actual: change.ok, expected: g === 'yes' }];
  }
  const { platformRole, memberships } = ctx.actor;
  const { self } = ctx;
  const before = grants(platformRole, [...memberships]);
  const expected = g === 'yes' ? { ok: true } : { ok: false, reason: 'self' };
  const selfChange = (what: string, after: ReturnType<typeof grants>): Check => ({
    what,
    actual: checkMembershipChange(ctx.actor, { targetUserId: self, before, after }),
    expected,
  });
  return [
    selfChange(
      'change their own platform role',
      grants(platformRole === 'platform-admin' ? null : 'platform-admin', [...memberships]),
    ),
    selfChange(
      'change their own memberships',
      grants(platformRole, memberships.length > 0 ? [] : [{ school: ctx.ids.stored.A, role: 'editor' }]),
    ),
  ];
}

function writesInB(ctx: Ctx, row: string): Check[] {
  const g = grant(ctx, row);
  const addToB = verdict(ctx, 'add a member to B', {
    before: null,
    after: grants(null, [{ school: ctx.ids.stored.B, role: 'editor' }]),
  });
  return [
    ...WRITES.flatMap((action) => mayChecks(ctx, action, 'B', g)),
    { what: 'move a document between schools', actual: mayMoveBetweenSchools(ctx.actor), expected: g === 'yes' },
    { what: addToB.what, actual: addToB.change.ok, expected: g === 'yes' },
  ];
}

function linkAcross(ctx: Ctx, row: string): Check[] {
  const g = grant(ctx, row);
  const { A, B } = ctx.ids.asked;
  return [
    { what: "link A's document to B's", actual: mayLink(A, B), expected: g === 'yes' },
    { what: "link A's document to A's", actual: mayLink(A, ctx.ids.stored.A), expected: true },
  ];
}

type YesNo = 'yes' | 'no';

/** ✓ reads and writes, "read" only reads, — neither (the public policy is the site's, not the API's). */
const SETTINGS: Record<string, readonly [read: YesNo, write: YesNo]> = {
  '✓': ['yes', 'yes'],
  read: ['yes', 'no'],
  '—': ['no', 'no'],
};

function settings(ctx: Ctx, row: string): Check[] {
  const [read, write] = SETTINGS[ctx.base] ?? unknownCell(ctx, row);
  return [...mayChecks(ctx, 'read-settings', 'A', read), ...mayChecks(ctx, 'write-settings', 'A', write)];
}

/** Read in A, read in B; the anonymous reader's records are on the public coverage page, not the API. */
const RECORDS: Record<string, readonly [inA: YesNo, inB: YesNo]> = {
  "read A's": ['yes', 'no'],
  'read all': ['yes', 'yes'],
  '—': ['no', 'no'],
  "the school's own, on its coverage page": ['no', 'no'],
};

function records(ctx: Ctx, row: string): Check[] {
  const [inA, inB] = RECORDS[ctx.base] ?? unknownCell(ctx, row);
  return [...mayChecks(ctx, 'read-records', 'A', inA), ...mayChecks(ctx, 'read-records', 'B', inB)];
}

/** Every row label of the table, and how its cells are checked. */
export const ROWS: Record<string, (ctx: Ctx, row: string) => Check[]> = {
  "read A's published, due content": permission(['read-published'], ['A']),
  "read A's drafts, versions, scheduled items": permission(['read-drafts'], ['A'], 'own'),
  "read B's published, due content": permission(['read-published'], ['B']),
  "read B's drafts, versions, scheduled items": permission(['read-drafts'], ['B']),
  'create a draft in A': permission(['create-draft'], ['A']),
  'publish, unpublish, schedule in A': permission(['publish'], ['A']),
  'edit / delete in A': permission(['edit', 'delete'], ['A'], 'own drafts'),
  'anything that writes in B, or moves a document between schools': writesInB,
  "link A's document to B's media, documents or topics": linkAcross,
  'upload media / documents into A': permission(['upload'], ['A']),
  "see A's accounts (names, e-mails, roles)": permission(['read-accounts'], ['A'], 'self'),
  "see B's accounts": permission(['read-accounts'], ['B']),
  'add or change members and roles of A': membersOfA,
  'change their own memberships, roles or platform role': ownGrants,
  "A's column settings": settings,
  "A's coverage and build status": publicOnly('read-build-status', ['coverage page only']),
  "rebuild A's site now": permission(['rebuild'], ['A']),
  'create, rename, archive a school': permission(['manage-schools'], ['A', 'B']),
  'the district dashboard (all schools)': permission(['district-dashboard'], ['A', 'B']),
  "A's evidence for the annual report (printable page, workbook)": permission(['read-evidence'], ['A']),
  "B's evidence for the annual report": permission(['read-evidence'], ['B']),
  'closed-quarter records': records,
};

export type CellChecks = { row: string; column: Column; checks: Check[] };

/** Every cell's checks; throws on a row or cell it does not know, and on a known row missing from the table. */
export function checksForTable(table: AccessTable, ids: IdStyle): CellChecks[] {
  for (const label of Object.keys(ROWS)) {
    if (!table.rows.some((r) => r.label === label)) throw new Error(`docs/ACCESS.md: row "${label}" is missing`);
  }
  return table.rows.flatMap(({ label, cells }) => {
    const rowChecks = ROWS[label];
    if (!rowChecks) throw new Error(`docs/ACCESS.md: unknown row "${label}"`);
    return table.columns.map((column, i) => {
      const { base, notes } = parseCell(cells[i]!);
      const n = USER_NUMBER[column];
      const ctx = { actor: actorFor(column, ids), self: n === null ? null : ids.user(n).asked, ids, base, notes };
      return { row: label, column, checks: rowChecks(ctx, label) };
    });
  });
}
