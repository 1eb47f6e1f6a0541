import { describe, expect, it } from 'vitest';

import { clientAddress, parseTrustProxy, rateLimitKey, TrustProxyError } from '../../src/domain/client-address';

describe('clientAddress', () => {
  it('without a trusted proxy is the connecting address, whatever X-Forwarded-For claims', () => {
    const none = parseTrustProxy(undefined);
    expect(clientAddress('203.0.113.5', '1.2.3.4', none)).toBe('203.0.113.5');
    expect(clientAddress('203.0.113.5', undefined, none)).toBe('203.0.113.5');
    expect(clientAddress('203.0.113.5', '1.2.3.4', parseTrustProxy('false'))).toBe('203.0.113.5');
  });

  it('behind named proxies is the right-most address that is not one of them', () => {
    const trust = parseTrustProxy('127.0.0.1, 10.0.0.0/8');
    // The client wrote "6.6.6.6"; the proxy appended the address it saw, 198.51.100.4.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.4', trust)).toBe('198.51.100.4');
    // Two proxies in a row.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.1.2.3', trust)).toBe('198.51.100.4');
    // A connection that is not from a proxy: its header is not believed.
    expect(clientAddress('198.51.100.99', '6.6.6.6', trust)).toBe('198.51.100.99');
  });

  it('understands proxy-addr names, and `true` as one hop', () => {
    expect(clientAddress('::1', '6.6.6.6, 198.51.100.4', parseTrustProxy('loopback'))).toBe('198.51.100.4');
    expect(clientAddress('192.0.2.1', '6.6.6.6, 198.51.100.4', parseTrustProxy('true'))).toBe('198.51.100.4');
  });

  it('refuses a setting it cannot read, naming the variable', () => {
    expect(() => parseTrustProxy('yes')).toThrow(TrustProxyError);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow(/TRUST_PROXY/);
  });
});

describe('rateLimitKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and groups IPv6 by /64', () => {
    expect(rateLimitKey('203.0.113.5')).toBe('203.0.113.5');
    expect(rateLimitKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(rateLimitKey('2001:db8:1:2::1')).toBe(rateLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(rateLimitKey('2001:db8:1:2::1')).not.toBe(rateLimitKey('2001:db8:1:3::1'));
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
