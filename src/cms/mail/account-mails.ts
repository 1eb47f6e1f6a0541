/**
 * The account mails: password reset (the admin's "Quên mật khẩu") and the
 * invitation a new account gets when an admin creates it. Both carry a
 * one-time link to the admin's own reset page, never a password. They are
 * account mails: sent whatever the person's reminder switch says.
 */
import { type CollectionAfterChangeHook, isolateObjectProperty, type Payload, type PayloadRequest } from 'payload';

import { invitationMail, passwordResetMail } from '../../domain/mail-content';
import { idOf } from '../access/actor';
import { cmsBrowserUrl } from '../../settings';
import { ATTEMPT_COUNTED } from '../auth/attempts';
import { queueMail } from './outbox';

export const RESET_LINK_MS = 60 * 60 * 1000;
export const INVITATION_LINK_MS = 7 * 24 * 60 * 60 * 1000;

/** Set by the seed and the restore: accounts they make are not invited. */
export const NO_INVITATION = 'noInvitation';

const resetLink = (token: string) => `${cmsBrowserUrl()}/admin/reset/${encodeURIComponent(token)}`;

/**
 * Prepares a reset for `email` and mails its link; nothing (and no sign of
 * it) for an e-mail with no account. `req` gives the transaction and the
 * request's context; Payload's own mail is off, ours replaces it.
 */
export async function sendPasswordReset(
  payload: Payload,
  email: string,
  req?: Partial<PayloadRequest>,
): Promise<boolean> {
  const now = Date.now();
  const token = await payload.forgotPassword({
    collection: 'users',
    data: { email },
    disableEmail: true,
    expiration: RESET_LINK_MS,
    ...(req ? { req } : {}),
  });
  if (!token) return false;
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email.toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    ...(req ? { req } : {}),
  });
  const user = docs[0];
  if (!user) return false;
  await queueMail(payload, {
    kind: 'password-reset',
    to: { name: user.name, address: user.email },
    content: passwordResetMail({
      personName: user.name,
      resetUrl: resetLink(token),
      expiresAt: new Date(now + RESET_LINK_MS).toISOString(),
    }),
  });
  return true;
}

/** A new account made by someone signed in (an admin) gets an invitation to set its own password. */
export const inviteNewAccount: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || !req.user || context[NO_INVITATION] === true) return doc;
  try {
    // In the create's transaction (the account is not visible outside it yet), not counted as a visitor's attempt.
    const inner = isolateObjectProperty(req, ['context']);
    inner.context = { ...req.context, [ATTEMPT_COUNTED]: true };
    const token = await req.payload.forgotPassword({
      collection: 'users',
      data: { email: doc.email },
      disableEmail: true,
      expiration: INVITATION_LINK_MS,
      req: inner,
    });
    if (!token) return doc;
    const schoolIds = (doc.schools ?? []).map((m: { school: Parameters<typeof idOf>[0] }) => idOf(m.school));
    const { docs: schools } = schoolIds.length
      ? await req.payload.find({
          collection: 'schools',
          where: { id: { in: schoolIds } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
          req,
        })
      : { docs: [] };
    await queueMail(req.payload, {
      kind: 'invitation',
      to: { name: doc.name, address: doc.email },
      school: schoolIds[0] ?? null,
      content: invitationMail({
        personName: doc.name,
        email: doc.email,
        schoolNames: schools.map((s) => s.name),
        invitedBy: req.user.name ?? null,
        setPasswordUrl: resetLink(token),
        expiresAt: new Date(Date.now() + INVITATION_LINK_MS).toISOString(),
      }),
    });
  } catch (error) {
    // The account is made either way; an admin can send a reset from the login page.
    req.payload.logger.error({ err: error }, `invitation for ${doc.email} could not be sent`);
  }
  return doc;
};
