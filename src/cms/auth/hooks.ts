import type { CollectionBeforeOperationHook } from 'payload';

import { countAuthAttempt } from './attempts';
import { spendHashForUnknownAccount } from './equal-work';

/** Users' auth operations: counted against the login limit, and a login for an unknown e-mail costs a real one. */
export const guardAuthOperations: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword' && operation !== 'resetPassword') return args;
  countAuthAttempt(req);
  if (operation === 'login') await spendHashForUnknownAccount(req, 'users', args.data);
  return args;
};
