import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  checkMembershipChange,
  isDistrictOfficer,
  isPlatformAdmin,
  may,
  mayLink,
  mayMoveBetweenSchools,
  SCHOOL_ACTIONS,
  schoolsOf,
  scopeOf,
  seesAllSchools,
  type Actor,
  type Membership,
  type MembershipChange,
} from '../../src/domain/school-access';
import { PLATFORM_ROLES } from '../../src/domain/vocabulary';
import { checksForTable, parseAccessTable, type Check, type IdStyle } from '../support/access-table';

const ACCESS_MD = readFileSync(new URL('../../docs/ACCESS.md', import.meta.url), 'utf8');

const ID_STYLES: IdStyle[] = [
  { name: 'SQLite numbers', stored: { A: 1, B: 2 }, asked: { A: 1, B: 2 }, user: (n) => ({ stored: n, asked: n }) },
  {
    name: 'MongoDB strings',
    stored: { A: '665f00000000000000000001', B: '665f00000000000000000002' },
    asked: { A: '665f00000000000000000001', B: '665f00000000000000000002' },
    user: (n) => ({ stored: `665f0000000000000000u0${n}`, asked: `665f0000000000000000u0${n}` }),
  },
  // A number stored, the same id asked about as a request parameter (a string).
  {
    name: 'numbers asked as strings',
    stored: { A: 1, B: 2 },
    asked: { A: '1', B: '2' },
    user: (n) => ({ stored: n, asked: String(n) }),
  },
];

const asRecord = (checks: Check[], key: 'actual' | 'expected') =>
  Object.fromEntries(checks.map((c) => [c.what, c[key]]));

describe.each(ID_STYLES)('docs/ACCESS.md, cell by cell ($name)', (ids) => {
  const cells = checksForTable(parseAccessTable(ACCESS_MD), ids);

  it.each(cells.map((c) => [`${c.row} — ${c.column}`, c] as const))('%s', (_name, cell) => {
    expect(cell.checks.length).toBeGreaterThan(0);
    expect(asRecord(cell.checks, 'actual')).toEqual(asRecord(cell.checks, 'expected'));
  });
});

describe('the table test itself', () => {
  const ids = ID_STYLES[0]!;
  const mismatches = (markdown: string) =>
    checksForTable(parseAccessTable(markdown), ids).flatMap((cell) =>
      cell.checks
        .filter((c) => JSON.stringify(c.actual) !== JSON.stringify(c.expected))
        .map((c) => `${cell.row} — ${cell.column}: ${c.what}`),
    );
  const editCell = (row: string, column: number, cell: string) =>
    ACCESS_MD.split('\n')
      .map((line) => {
        if (!line.startsWith(`| ${row} |`)) return line;
        const cells = line.split('|');
        cells[column + 2] = ` ${cell} `;
        return cells.join('|');
      })
      .join('\n');

  it('agrees with the module on the table as written', () => {
    expect(mismatches(ACCESS_MD)).toEqual([]);
  });

  it('fails when a cell says something the module does not do', () => {
    // editor of A is column 2 (0 = anonymous)
    expect(mismatches(editCell('publish, unpublish, schedule in A', 2, '—'))).toEqual([
      'publish, unpublish, schedule in A — editor of A: publish in A',
      'publish, unpublish, schedule in A — editor of A: publish in A on their own',
    ]);
    expect(mismatches(editCell("link A's document to B's media, documents or topics", 5, '✓'))).toEqual([
      "link A's document to B's media, documents or topics — platform admin: link A's document to B's",
    ]);
    expect(mismatches(editCell("A's column settings", 2, '✓'))).toContain(
      "A's column settings — editor of A: write-settings in A",
    );
    expect(mismatches(editCell('add or change members and roles of A', 3, '✓'))).toEqual([
      'add or change members and roles of A — admin of A: make a member of A a district officer',
    ]);
    expect(mismatches(editCell('change their own memberships, roles or platform role', 5, '✓'))).toHaveLength(2);
  });

  it('fails loudly on a row, a cell wording or a note it cannot check', () => {
    const renamed = ACCESS_MD.replace("| rebuild A's site now |", '| rebuild every site now |');
    expect(() => checksForTable(parseAccessTable(renamed), ids)).toThrow(/row "rebuild A's site now" is missing/);
    const added = ACCESS_MD.replace(
      '| closed-quarter records |',
      "| export A's data | — | — | — | ✓ | — | ✓ |\n| closed-quarter records |",
    );
    expect(() => checksForTable(parseAccessTable(added), ids)).toThrow(/unknown row "export A's data"/);
    expect(() => checksForTable(parseAccessTable(editCell('create a draft in A', 1, 'sometimes')), ids)).toThrow(
      /cell "sometimes"/,
    );
    expect(() => checksForTable(parseAccessTable(editCell('create a draft in A', 1, '✓ (on weekdays)')), ids)).toThrow(
      /unknown note "on weekdays"/,
    );
    expect(() => parseAccessTable(ACCESS_MD.replace('| district officer |', '| inspector |'))).toThrow(
      /unknown column "inspector"/,
    );
  });

  it('exercises every action the module knows', () => {
    const actions = new Set(
      checksForTable(parseAccessTable(ACCESS_MD), ids).flatMap((cell) =>
        cell.checks.map((c) => SCHOOL_ACTIONS.find((a) => c.what.startsWith(`${a} in `))).filter(Boolean),
      ),
    );
    expect([...actions].sort()).toEqual([...SCHOOL_ACTIONS].sort());
  });
});

const member = (id: number, ...memberships: [school: number | string, role: Membership['role']][]): Actor => ({
  id,
  platformRole: null,
  memberships: memberships.map(([school, role]) => ({ school, role })),
});
const platformAdmin: Actor = { id: 1, platformRole: 'platform-admin', memberships: [] };
const officer: Actor = { id: 2, platformRole: 'district-officer', memberships: [] };

describe('members of several schools', () => {
  const editorAContributorB = member(7, [1, 'editor'], [2, 'contributor']);

  it('get each school its own scope', () => {
    expect(scopeOf(editorAContributorB, 'edit')).toEqual({ all: false, schools: [1], ownIn: [2] });
    expect(scopeOf(editorAContributorB, 'publish')).toEqual({ all: false, schools: [1], ownIn: [] });
    expect(scopeOf(editorAContributorB, 'create-draft')).toEqual({ all: false, schools: [1, 2], ownIn: [] });
    expect(scopeOf(editorAContributorB, 'read-accounts')).toEqual({ all: false, schools: [1], ownIn: [2] });
    expect(may(editorAContributorB, 'edit', '2')).toBe(false);
    expect(may(editorAContributorB, 'edit', '2', { own: true })).toBe(true);
    expect(may(editorAContributorB, 'rebuild', 2)).toBe(false);
    expect(may(editorAContributorB, 'read-drafts', 3, { own: true })).toBe(false);
  });

  it('count a school once, the strongest role winning, however its id is spelled', () => {
    const twice = member(7, [1, 'contributor'], ['1', 'editor'], [1, 'contributor']);
    expect(scopeOf(twice, 'edit')).toEqual({ all: false, schools: ['1'], ownIn: [] });
    expect(scopeOf(twice, 'read-drafts')).toEqual({ all: false, schools: ['1'], ownIn: [] });
    expect(schoolsOf(twice)).toEqual([1]);
  });

  it('manage members and settings only where they are admin', () => {
    const adminAEditorB = member(7, [1, 'admin'], [2, 'editor']);
    expect(scopeOf(adminAEditorB, 'manage-members')).toEqual({ all: false, schools: [1], ownIn: [] });
    expect(may(adminAEditorB, 'write-settings', 2)).toBe(false);
    expect(may(adminAEditorB, 'publish', 2)).toBe(true);
    expect(schoolsOf(adminAEditorB, 'admin')).toEqual([1]);
    expect(schoolsOf(adminAEditorB, 'admin', 'editor')).toEqual([1, 2]);
    expect(schoolsOf(null)).toEqual([]);
  });

  it('add a district officer’s reading of every school to their own school’s rights', () => {
    const officerAndEditor: Actor = {
      id: 7,
      platformRole: 'district-officer',
      memberships: [{ school: 1, role: 'editor' }],
    };
    expect(may(officerAndEditor, 'edit', 1)).toBe(true);
    expect(may(officerAndEditor, 'edit', 2)).toBe(false);
    expect(may(officerAndEditor, 'read-settings', 2)).toBe(true);
    expect(may(officerAndEditor, 'read-drafts', 2)).toBe(false);
  });

  it('never reach a school they do not belong to, except published content', () => {
    const contributor = member(7, [1, 'contributor']);
    for (const action of SCHOOL_ACTIONS) {
      expect(may(contributor, action, 2, { own: true }), action).toBe(action === 'read-published');
    }
  });
});

describe('platform roles', () => {
  it('are told apart', () => {
    expect(PLATFORM_ROLES.map((r) => r.value)).toEqual(['platform-admin', 'district-officer']);
    expect([isPlatformAdmin(platformAdmin), isDistrictOfficer(platformAdmin), seesAllSchools(platformAdmin)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([isPlatformAdmin(officer), isDistrictOfficer(officer), seesAllSchools(officer)]).toEqual([
      false,
      true,
      true,
    ]);
    expect(seesAllSchools(member(7, [1, 'admin']))).toBe(false);
    expect(seesAllSchools(null)).toBe(false);
  });

  it('give the platform admin every school, and still no link across schools', () => {
    for (const action of SCHOOL_ACTIONS) expect(scopeOf(platformAdmin, action).all, action).toBe(true);
    expect(mayMoveBetweenSchools(platformAdmin)).toBe(true);
    expect(mayMoveBetweenSchools(member(7, [1, 'admin'], [2, 'admin']))).toBe(false);
    expect(mayLink(1, 2)).toBe(false);
    expect(mayLink(1, '1')).toBe(true);
    expect(mayLink('665f', '665F')).toBe(false);
  });

  it('let the district officer read and change nothing', () => {
    const allowed = SCHOOL_ACTIONS.filter((action) => scopeOf(officer, action).all);
    expect(allowed).toEqual([
      'read-published',
      'read-settings',
      'read-build-status',
      'read-records',
      'district-dashboard',
      'read-evidence',
    ]);
    for (const action of SCHOOL_ACTIONS.filter((a) => !allowed.includes(a))) {
      expect(scopeOf(officer, action), action).toEqual({ all: false, schools: [], ownIn: [] });
    }
  });
});

describe('checkMembershipChange', () => {
  const adminA = member(13, [1, 'admin']);
  const rows = (...list: [number | string, Membership['role']][]) => list.map(([school, role]) => ({ school, role }));
  const change = (
    targetUserId: number | string,
    before: [number | string, Membership['role']][] | null,
    after: [number | string, Membership['role']][],
    platformRole: {
      before?: 'platform-admin' | 'district-officer';
      after?: 'platform-admin' | 'district-officer';
    } = {},
  ): MembershipChange => ({
    targetUserId,
    before: before && { platformRole: platformRole.before ?? null, memberships: rows(...before) },
    after: { platformRole: platformRole.after ?? null, memberships: rows(...after) },
  });

  it('refuses a change to oneself, even to a platform admin, however the id is spelled', () => {
    expect(checkMembershipChange(platformAdmin, change(1, [], [], { before: 'platform-admin' }))).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(
      checkMembershipChange(
        platformAdmin,
        change('1', [], [[1, 'admin']], { before: 'platform-admin', after: 'platform-admin' }),
      ),
    ).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(checkMembershipChange(adminA, change('13', [[1, 'admin']], [[1, 'editor']]))).toEqual({
      ok: false,
      reason: 'self',
    });
  });

  it('lets anyone save an account whose grants stay as they were, themself included', () => {
    expect(checkMembershipChange(adminA, change(13, [[1, 'admin']], [['1', 'admin']]))).toEqual({ ok: true });
    expect(
      checkMembershipChange(member(7, [1, 'contributor']), change(7, [[1, 'contributor']], [[1, 'contributor']])),
    ).toEqual({
      ok: true,
    });
  });

  it('lets the admin of A add, change and remove rows for A, leaving other rows as they were', () => {
    expect(checkMembershipChange(adminA, change(20, [[1, 'contributor']], [[1, 'editor']]))).toEqual({ ok: true });
    expect(checkMembershipChange(adminA, change(20, [[1, 'admin']], [[1, 'contributor']]))).toEqual({ ok: true });
    expect(
      checkMembershipChange(
        adminA,
        change(
          20,
          [[2, 'editor']],
          [
            [2, 'editor'],
            [1, 'contributor'],
          ],
        ),
      ),
    ).toEqual({
      ok: true,
    });
    expect(
      checkMembershipChange(
        adminA,
        change(
          20,
          [
            [1, 'editor'],
            [2, 'editor'],
          ],
          [[2, 'editor']],
        ),
      ),
    ).toEqual({ ok: true });
    expect(checkMembershipChange(adminA, change(20, null, [[1, 'contributor']]))).toEqual({ ok: true });
  });

  it('refuses the admin of A anything in B', () => {
    const otherSchool = { ok: false, reason: 'other-school' };
    expect(
      checkMembershipChange(
        adminA,
        change(
          20,
          [[1, 'editor']],
          [
            [1, 'editor'],
            [2, 'editor'],
          ],
        ),
      ),
    ).toEqual(otherSchool);
    expect(
      checkMembershipChange(
        adminA,
        change(
          20,
          [
            [1, 'editor'],
            [2, 'editor'],
          ],
          [[1, 'editor']],
        ),
      ),
    ).toEqual(otherSchool);
    expect(checkMembershipChange(adminA, change(20, [[2, 'contributor']], [[2, 'admin']]))).toEqual(otherSchool);
    expect(
      checkMembershipChange(
        adminA,
        change(20, null, [
          [1, 'editor'],
          [2, 'editor'],
        ]),
      ),
    ).toEqual(otherSchool);
    // Admin somewhere is not admin here: an editor of A who is admin of C.
    expect(checkMembershipChange(member(7, [1, 'editor'], [3, 'admin']), change(20, [], [[1, 'editor']]))).toEqual(
      otherSchool,
    );
  });

  it('refuses a school admin any platform role, given or taken', () => {
    const platformRole = { ok: false, reason: 'platform-role' };
    expect(
      checkMembershipChange(adminA, change(20, [[1, 'editor']], [[1, 'editor']], { after: 'district-officer' })),
    ).toEqual(platformRole);
    expect(checkMembershipChange(adminA, change(20, null, [[1, 'editor']], { after: 'platform-admin' }))).toEqual(
      platformRole,
    );
    expect(
      checkMembershipChange(adminA, change(20, [[1, 'editor']], [[1, 'editor']], { before: 'platform-admin' })),
    ).toEqual(platformRole);
  });

  it('refuses people who are admin of no school', () => {
    const notAdmin = { ok: false, reason: 'not-admin' };
    expect(checkMembershipChange(null, change(20, null, [[1, 'contributor']]))).toEqual(notAdmin);
    expect(checkMembershipChange(member(7, [1, 'editor']), change(20, [], [[1, 'contributor']]))).toEqual(notAdmin);
    expect(checkMembershipChange(officer, change(20, [], [[1, 'contributor']]))).toEqual(notAdmin);
  });

  it('lets a platform admin change anyone else, platform roles and every school included', () => {
    expect(
      checkMembershipChange(platformAdmin, change(20, [[1, 'admin']], [[2, 'editor']], { after: 'district-officer' })),
    ).toEqual({
      ok: true,
    });
    expect(checkMembershipChange(platformAdmin, change(20, null, [], { after: 'platform-admin' }))).toEqual({
      ok: true,
    });
  });
});
