import { handleEndpoints, type SanitizedConfig } from 'payload';

import { CLIENT_ADDRESS_HEADER } from '../../src/domain/client-address';

/**
 * A request through Payload's own REST handler (what the admin and the site
 * call over HTTP), without a server: JSON bodies, or FormData for uploads.
 */
export async function restCall(
  config: SanitizedConfig,
  method: string,
  url: string,
  options: { token?: string; body?: unknown; /** as scripts/cms-server.ts sets it */ clientAddress?: string } = {},
) {
  const headers = new Headers({ 'accept-language': 'vi' });
  if (options.token) headers.set('authorization', `JWT ${options.token}`);
  if (options.clientAddress) headers.set(CLIENT_ADDRESS_HEADER, options.clientAddress);
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers.set('content-type', 'application/json');
  const body = form
    ? (options.body as FormData)
    : options.body === undefined
      ? undefined
      : JSON.stringify(options.body);
  const response = await handleEndpoints({
    config,
    request: new Request(`http://localhost:3000/api${url}`, { method, headers, body }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

/** Signs in through REST and returns the JWT; throws with the answer if it fails. */
export async function restLogin(config: SanitizedConfig, email: string, password: string): Promise<string> {
  const { status, json } = await restCall(config, 'POST', '/users/login', { body: { email, password } });
  if (status !== 200 || typeof json.token !== 'string')
    throw new Error(`login ${email}: ${status} ${JSON.stringify(json)}`);
  return json.token;
}
