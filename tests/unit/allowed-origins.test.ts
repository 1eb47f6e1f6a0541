import { describe, expect, it } from 'vitest';

import { allowedOrigins } from '../../src/domain/allowed-origins';

describe('allowed origins (CSRF and CORS)', () => {
  it('are the local server on its port when nothing is configured', () => {
    expect(allowedOrigins({})).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(allowedOrigins({ PORT: '8080' })).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080']);
  });

  it('are the configured public address plus the listed ones, as bare origins without duplicates', () => {
    expect(
      allowedOrigins({
        PAYLOAD_PUBLIC_SERVER_URL: 'https://cms.thcs-nguyendu.edu.vn/',
        CMS_ALLOWED_ORIGINS: ' https://thcs-nguyendu.edu.vn/binh-dang-gioi/ ,https://cms.thcs-nguyendu.edu.vn',
      }),
    ).toEqual(['https://cms.thcs-nguyendu.edu.vn', 'https://thcs-nguyendu.edu.vn']);
  });

  it('refuse what is not an http(s) address, saying so in Vietnamese', () => {
    expect(() => allowedOrigins({ CMS_ALLOWED_ORIGINS: 'truong.edu.vn' })).toThrow(/không hợp lệ/);
    expect(() => allowedOrigins({ CMS_ALLOWED_ORIGINS: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => allowedOrigins({ CMS_ALLOWED_ORIGINS: '*' })).toThrow(/không hợp lệ/);
    expect(() => allowedOrigins({ CMS_ALLOWED_ORIGINS: '*' })).toThrow(
      expect.objectContaining({ code: 'OriginInvalid' }),
    );
    expect(() => allowedOrigins({ PAYLOAD_PUBLIC_SERVER_URL: 'ftp://cms' })).toThrow(
      expect.objectContaining({ code: 'OriginNotHttp' }),
    );
  });
});
