import type { PayloadRequest, Where } from 'payload';

import { type Actor, type SchoolAction, type SchoolId, type Scope, scopeOf } from '../../domain/school-access';

type MaybeUser = PayloadRequest['user'];
type Ref = SchoolId | { id: SchoolId };

/** A relationship's id, whether Payload gave the id or the document. */
export const idOf = (value: Ref): SchoolId => (typeof value === 'object' ? value.id : value);

/** The signed-in account as the access table sees it (src/domain/school-access.ts); null for anonymous readers. */
export function actorOf(user: MaybeUser): Actor {
  if (!user || user.collection !== 'users') return null;
  return {
    id: user.id,
    platformRole: user.platformRole ?? null,
    memberships: (user.schools ?? []).map((m) => ({ school: idOf(m.school), role: m.role })),
  };
}

/**
 * A scope as a query on the document's school: every school, the listed
 * schools, and in `ownIn` schools only what `own` matches (false when the
 * action has no "own" form).
 */
export function scopeWhere(scope: Scope, own: Where | null, schoolField = 'school'): boolean | Where {
  if (scope.all) return true;
  const clauses: Where[] = [];
  if (scope.schools.length) clauses.push({ [schoolField]: { in: [...scope.schools] } });
  if (own && scope.ownIn.length) clauses.push({ and: [{ [schoolField]: { in: [...scope.ownIn] } }, own] });
  if (clauses.length === 0) return false;
  return clauses.length === 1 ? clauses[0]! : { or: clauses };
}

/** Where `req`'s actor may do `action`, as a query. */
export function whereMay(
  req: PayloadRequest,
  action: SchoolAction,
  own: Where | null = null,
  schoolField = 'school',
): boolean | Where {
  return scopeWhere(scopeOf(actorOf(req.user), action), own, schoolField);
}

/** True when the actor may do `action` in at least one school. */
export function mayAnywhere(req: PayloadRequest, action: SchoolAction): boolean {
  const scope = scopeOf(actorOf(req.user), action);
  return scope.all || scope.schools.length > 0 || scope.ownIn.length > 0;
}
