/**
 * "Forgot password" answers at once, the same for every e-mail: the reset
 * (token, save, e-mail) runs after the answer. Payload's own handler does that
 * work only for a real account, so its answer time told which e-mails exist;
 * with an SMTP server it would tell it by whole seconds.
 *
 * Registered before Payload's endpoint of the same path, which it replaces.
 */
import { addDataAndFileToRequest, APIError, type Endpoint, isolateObjectProperty } from 'payload';

import { renderMessage } from '../../messages/catalogue';
import { sendPasswordReset } from '../mail/account-mails';
import { ATTEMPT_COUNTED, countAuthAttempt } from './attempts';

export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req);
    const email = typeof req.data?.email === 'string' ? req.data.email.trim() : '';
    if (!email) throw new APIError(renderMessage('ForgotPasswordNoEmail').text, 400, { field: 'email' }, true);
    countAuthAttempt(req);

    // Its own transaction and context: this request is answered before the work ends.
    const background = isolateObjectProperty(req, ['transactionID', 'context']);
    background.transactionID = undefined;
    background.context = { ...req.context, [ATTEMPT_COUNTED]: true };
    void sendPasswordReset(req.payload, email, background).catch((error: unknown) =>
      req.payload.logger.error({ err: error }, 'forgot-password: the reset could not be prepared'),
    );

    return Response.json({ message: req.t('general:success') }, { status: 200 });
  },
};
