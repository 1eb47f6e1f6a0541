import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  coverageStrict,
  settingDefaults,
  settingsFromEnv,
  SettingsError,
  settingsSchema,
  siteBuildCmsUrl,
} from '../../src/settings';

/** Variables only the test suite reads (documented, but not settings of the product). */
const TEST_ONLY = ['MONGODB_URI'];

/** `.env.example`: every `#NAME=value` line, by name. */
function envExample(): Map<string, string> {
  const entries = readFileSync('.env.example', 'utf8')
    .split('\n')
    .map((line) => /^#([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!] as const);
  return new Map(entries);
}

/** The README's "Configuration (environment)" table: variable → default cell. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split('## Configuration (environment)')[1]!.split('\n## ')[0]!;
  const rows = section
    .split('\n')
    .map((line) => /^\| `([A-Z][A-Z0-9_]*)` \| ([^|]*) \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!.trim()] as const);
  return new Map(rows);
}

function problem(env: Record<string, string>): SettingsError {
  try {
    settingsFromEnv(env);
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error(`no SettingsError for ${JSON.stringify(env)}`);
}

describe('the settings, .env.example and the README table agree', () => {
  const schema = [...Object.keys(settingsSchema.shape), ...TEST_ONLY].sort();

  it('name the same variables', () => {
    expect([...envExample().keys()].sort()).toEqual(schema);
    expect([...readmeTable().keys()].sort()).toEqual(schema);
  });

  it('give the same defaults', () => {
    const defaults = settingDefaults();
    const example = envExample();
    const table = readmeTable();
    for (const name of Object.keys(settingsSchema.shape)) {
      const value = defaults[name];
      // A fixed default is written the same way everywhere; otherwise .env.example leaves the value empty.
      expect(example.get(name), `.env.example ${name}`).toBe(value ?? '');
      if (value !== undefined) expect(table.get(name), `README ${name}`).toBe(`\`${value}\``);
    }
  });
});

describe('parsing', () => {
  it('gives every default when nothing is set', () => {
    const s = settingsFromEnv({});
    expect(s).toMatchObject({
      DATABASE_URI: 'file:./data/cms.db',
      PORT: 3000,
      SEED_DEMO: true,
      MEDIA_MAX_MB: 10,
      MEDIA_MAX_MEGAPIXELS: 40,
      DOCUMENT_MAX_MB: 25,
      PAYLOAD_URL: 'http://localhost:3000',
      SITE_BASE: '/binh-dang-gioi/',
      SITE_URL: 'http://localhost:4321',
      SITE_DIST: 'dist',
      SITE_REBUILD_DEBOUNCE_MS: 2000,
      LOGIN_RATE_LIMIT: 20,
      PORT_SITE: 4321,
      HOST_SITE: '0.0.0.0',
    });
    expect(s.UPLOADS_DIR).toBeUndefined();
    expect(s.COOKIE_SECURE).toBeUndefined();
    expect(siteBuildCmsUrl(s)).toBe('http://localhost:3000');
    expect(coverageStrict(s)).toBe(false);
  });

  it('reads numbers, flags and text', () => {
    const s = settingsFromEnv({
      PORT: '8080',
      MEDIA_MAX_MB: '2.5',
      SEED_DEMO: 'false',
      COOKIE_SECURE: 'false',
      COVERAGE_STRICT: 'true',
      SCHOOL_NAME: '  Trường THCS Nguyễn Du ',
    });
    expect(s).toMatchObject({ PORT: 8080, MEDIA_MAX_MB: 2.5, SEED_DEMO: false, COOKIE_SECURE: false });
    expect(s.SCHOOL_NAME).toBe('Trường THCS Nguyễn Du');
    expect(coverageStrict(s)).toBe(true);
    expect(siteBuildCmsUrl(s)).toBe('http://localhost:8080');
  });

  it('treats an empty value as unset, for every variable (SITE_URL= is the default site)', () => {
    expect(settingsFromEnv({ SITE_URL: '' }).SITE_URL).toBe('http://localhost:4321');
    expect(settingsFromEnv({ SITE_URL: '   ' }).SITE_URL).toBe('http://localhost:4321');
    expect(settingsFromEnv({ PAYLOAD_URL: '', MEDIA_MAX_MB: '' })).toMatchObject({
      PAYLOAD_URL: 'http://localhost:3000',
      MEDIA_MAX_MB: 10,
    });
    expect(settingsFromEnv({ SITE_DEPLOY_HOOK_URL: '' }).SITE_DEPLOY_HOOK_URL).toBeUndefined();
  });

  it('names the variable, in Vietnamese and English, when a value is wrong', () => {
    const error = problem({ MEDIA_MAX_MB: 'abc' });
    expect(error.problems).toEqual([
      {
        name: 'SettingInvalid',
        variable: 'MEDIA_MAX_MB',
        title: 'Cài đặt không hợp lệ / Invalid setting',
        message:
          'MEDIA_MAX_MB="abc" không hợp lệ: cần một số dương (megabyte), ví dụ 10.\n' +
          'MEDIA_MAX_MB="abc" is not valid: expected a positive number of megabytes, e.g. 10.',
        hint: 'Sửa hoặc bỏ biến MEDIA_MAX_MB (xem .env.example).\nFix or unset MEDIA_MAX_MB (see .env.example).',
      },
    ]);
    expect(error.message).toContain('MEDIA_MAX_MB="abc" không hợp lệ');
  });

  it('reports every wrong variable at once', () => {
    const error = problem({ PORT: '0', SEED_DEMO: 'no', SITE_URL: 'ftp://x', LOGIN_RATE_LIMIT: '1.5' });
    expect(error.problems.map((p) => p.variable)).toEqual(['PORT', 'SEED_DEMO', 'SITE_URL', 'LOGIN_RATE_LIMIT']);
    expect(error.message).toMatch(/PORT="0" is not valid: expected a port number/);
    expect(error.message).toMatch(/SEED_DEMO="no" không hợp lệ: cần true hoặc false/);
    expect(error.message).toMatch(/SITE_URL="ftp:\/\/x" is not valid: expected an http\(s\) address/);
  });

  it('refuses negative or zero sizes and a time that is not one', () => {
    expect(problem({ DOCUMENT_MAX_MB: '-1' }).message).toMatch(/DOCUMENT_MAX_MB="-1"/);
    expect(problem({ MEDIA_MAX_MEGAPIXELS: '0' }).message).toMatch(/MEDIA_MAX_MEGAPIXELS="0"/);
    expect(problem({ COVERAGE_NOW: 'hôm qua' }).message).toMatch(/COVERAGE_NOW="hôm qua" .*ISO 8601/);
  });

  it('keeps TRUST_PROXY’s own message', () => {
    expect(problem({ TRUST_PROXY: 'co' }).message).toMatch(/TRUST_PROXY="co" không hợp lệ: hãy ghi địa chỉ IP/);
    expect(settingsFromEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toBe('127.0.0.1, 10.0.0.0/8');
  });
});
