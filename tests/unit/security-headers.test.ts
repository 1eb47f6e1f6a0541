import { describe, expect, it } from 'vitest';

import {
  CONTENT_SECURITY_POLICY,
  headersFile,
  nginxSnippet,
  siteSecurityHeaders,
} from '../../src/domain/security-headers';

describe('the site’s security headers', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
  );

  it('allow no inline or eval’d script or style, and no plug-ins, frames from elsewhere or foreign forms', () => {
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
  });

  it('send HSTS only where it means something (HTTPS)', () => {
    expect(siteSecurityHeaders()['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(siteSecurityHeaders({ https: false })['Strict-Transport-Security']).toBeUndefined();
    expect(siteSecurityHeaders({ https: false })['X-Content-Type-Options']).toBe('nosniff');
  });

  it('are written for static hosts under the base path, and for nginx', () => {
    const file = headersFile('/binh-dang-gioi');
    expect(file.split('\n')[0]).toBe('/binh-dang-gioi/*');
    expect(file).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
    expect(file).toContain('  Strict-Transport-Security: max-age=31536000; includeSubDomains');
    const nginx = nginxSnippet('/binh-dang-gioi/');
    expect(nginx).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
    expect(nginx.match(/^add_header /gm)).toHaveLength(Object.keys(siteSecurityHeaders()).length);
  });
});
