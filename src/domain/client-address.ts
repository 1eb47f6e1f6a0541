/**
 * Who is asking: the address a request really came from, for the login limit.
 *
 * Without a reverse proxy the connecting address is the client, and any
 * `X-Forwarded-For` is the client's own words. With one, `TRUST_PROXY` names
 * the proxies (addresses, CIDR ranges, or proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal`), and the client is the right-most address in the
 * chain that is not one of them: what the last trusted proxy appended. `true`
 * trusts exactly one hop (the connecting peer is the proxy).
 */
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

export class TrustProxyError extends Error {}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = (value ?? '').trim();
  if (setting === '' || setting === 'false') return () => false;
  if (setting === 'true') return (_address, hop) => hop < 1;
  const list = setting
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(list);
  } catch (error) {
    throw new TrustProxyError(
      `TRUST_PROXY="${setting}" không hợp lệ: hãy ghi địa chỉ IP hoặc dải CIDR của proxy, cách nhau bằng dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8), hoặc true. ` +
        `(TRUST_PROXY must list the proxies' addresses or CIDR ranges, comma-separated, or be true: ${(error as Error).message})`,
    );
  }
}

/** The client's address for a request that reached us from `remoteAddress`, carrying `forwardedFor`. */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  const request = {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    socket: { remoteAddress },
    connection: { remoteAddress },
  };
  return proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust) ?? 'unknown';
}

/**
 * The limiter's key for an address: IPv4 as it is (also when written as
 * IPv4-mapped IPv6), IPv6 by its /64 network, since one subscriber is usually
 * given a whole /64 and could otherwise rotate through it.
 */
export function rateLimitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}

/**
 * Set by the CMS's own HTTP server (scripts/cms-server.ts) on every request,
 * replacing whatever the client sent under that name, so code behind it
 * (Payload's hooks) can trust it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';
