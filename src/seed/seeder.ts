import { randomBytes } from 'node:crypto';

import type { CollectionSlug, DefaultDocumentIDType, Payload, Where } from 'payload';

import { IMPORT_FIRST_PUBLISHED_AT } from '../cms/fields/publication';
import { SKIP_SITE_REBUILD } from '../cms/site-build/hooks';
import type { PlatformRole, Role } from '../domain/vocabulary';

/** A demo account created in this run, with the password shown once (dev only). */
export type SeededAccount = {
  email: string;
  role: Role | PlatformRole;
  password: string;
  /** The school the account works in; the district's office for a district officer. */
  school: string;
};

type Id = DefaultDocumentIDType;

/**
 * What every part of the seed shares: `ensure` finds a document by a natural
 * key (e-mail, slug, title) or creates it, so a second run adds nothing; the
 * counts of what was created; the accounts made, each with a new password.
 */
export type Seeding = {
  payload: Payload;
  /** History carries its own first-publication dates; the caller builds the site once afterwards. */
  context: Record<string, unknown>;
  created: Record<string, number>;
  accounts: SeededAccount[];
  ensure<T extends { id: Id }>(collection: CollectionSlug, where: Where, create: () => Promise<T>): Promise<T>;
  /**
   * An account: a member of `school` with a school role, or an account with
   * a platform role only; `place` is what the printed list shows beside it.
   */
  account(
    data: { email: string; name: string; place: string } & (
      { role: Role; school: Id; platformRole?: PlatformRole } | { role: PlatformRole; platformRole: PlatformRole }
    ),
  ): Promise<Id>;
};

export function seeding(payload: Payload): Seeding {
  const created: Record<string, number> = {};
  const accounts: SeededAccount[] = [];
  const self: Seeding = {
    payload,
    context: { [IMPORT_FIRST_PUBLISHED_AT]: true, [SKIP_SITE_REBUILD]: true },
    created,
    accounts,
    async ensure(collection, where, create) {
      const found = await payload.find({ collection, where, limit: 1, depth: 0, draft: true, pagination: false });
      if (found.docs[0]) return found.docs[0] as never;
      const doc = await create();
      created[collection] = (created[collection] ?? 0) + 1;
      return doc;
    },
    async account(data) {
      const user = await self.ensure('users', { email: { equals: data.email } }, () => {
        const password = `demo-${randomBytes(9).toString('base64url')}`;
        accounts.push({ email: data.email, role: data.role, password, school: data.place });
        return payload.create({
          collection: 'users',
          data: {
            email: data.email,
            name: data.name,
            password,
            schools: 'school' in data ? [{ school: data.school as number, role: data.role }] : [],
            ...(data.platformRole ? { platformRole: data.platformRole } : {}),
          },
        });
      });
      return user.id;
    },
  };
  return self;
}
