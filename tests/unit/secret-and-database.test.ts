import { describe, expect, it } from 'vitest';

import { chooseDatabase, mongoHosts, mongoUnreachableMessage, redact } from '../../src/domain/database-url';
import { DEVELOPMENT_SECRET, PUBLIC_SECRETS, resolveSecret } from '../../src/domain/secret-policy';
import { renderMessage } from '../../src/messages/catalogue';

describe('resolveSecret', () => {
  it('outside production, falls back to the development secret', () => {
    expect(resolveSecret({})).toEqual({ ok: true, secret: DEVELOPMENT_SECRET });
    expect(resolveSecret({ NODE_ENV: 'development', PAYLOAD_SECRET: 'x' })).toEqual({ ok: true, secret: 'x' });
  });

  it('in production, refuses missing, blank, short and public secrets', () => {
    expect(resolveSecret({ NODE_ENV: 'production' }).ok).toBe(false);
    expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: '   ' }).ok).toBe(false);
    expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'a'.repeat(31) }).ok).toBe(false);
    for (const s of PUBLIC_SECRETS) expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: s }).ok).toBe(false);
  });

  it('names what is wrong with a refused secret (catalogue names), with the words from the catalogue', () => {
    const refusal = (secret?: string) => {
      const verdict = resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: secret });
      return verdict.ok ? undefined : verdict.error;
    };
    expect(refusal()?.code).toBe('SecretMissing');
    expect(refusal(PUBLIC_SECRETS[1])?.code).toBe('SecretPublicExample');
    expect(refusal('a'.repeat(31))?.details).toEqual({ length: 31, min: 32 });
    expect(refusal('a'.repeat(31))?.message).toBe(renderMessage('SecretTooShort', { length: 31, min: 32 }).text);
  });

  it('in production, accepts 32 characters or more', () => {
    expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'a'.repeat(32) })).toEqual({
      ok: true,
      secret: 'a'.repeat(32),
    });
  });
});

describe('chooseDatabase', () => {
  it('defaults to the embedded SQLite file', () => {
    expect(chooseDatabase(undefined)).toMatchObject({ kind: 'sqlite', file: './data/cms.db' });
    expect(chooseDatabase('  ')).toMatchObject({ kind: 'sqlite' });
    expect(chooseDatabase('file:/tmp/x.db')).toMatchObject({ kind: 'sqlite', file: '/tmp/x.db' });
  });

  it('chooses MongoDB for mongodb:// and mongodb+srv://', () => {
    expect(chooseDatabase('mongodb://u:p@db1:27017,db2:27018/col?replicaSet=rs0')).toMatchObject({
      kind: 'mongodb',
      hosts: 'db1:27017,db2:27018',
    });
    expect(chooseDatabase('mongodb+srv://u:p@cluster0.example.net/col')).toMatchObject({
      kind: 'mongodb',
      hosts: 'cluster0.example.net',
    });
  });

  it('refuses anything else, without printing the password', () => {
    expect(() => chooseDatabase('postgres://u:topsecret@h/db')).toThrow(/must start with/);
    try {
      chooseDatabase('postgres://u:topsecret@h/db');
    } catch (e) {
      expect((e as Error).message).not.toContain('topsecret');
    }
    expect(() => chooseDatabase('file:')).toThrow(/names no file/);
    expect(() => chooseDatabase('file:')).toThrow(expect.objectContaining({ code: 'DatabaseUriNoFile' }));
    expect(() => chooseDatabase('mysql://h/db')).toThrow(expect.objectContaining({ code: 'DatabaseUriUnsupported' }));
  });

  it('mongoHosts and redact never keep credentials', () => {
    expect(mongoHosts('mongodb://user:p%40ss@host:1/db')).toBe('host:1');
    expect(mongoHosts('mongodb://host')).toBe('host');
    expect(redact('mongodb://user:pw@host/db')).toBe('mongodb://user:***@host/db');
  });

  it('the unreachable message names the host and what to check, in both languages', () => {
    const message = mongoUnreachableMessage('db:27017', 5000, 'connect ECONNREFUSED');
    expect(message).toContain('Không kết nối được tới MongoDB tại db:27017 sau 5 giây');
    expect(message).toContain('Cannot reach MongoDB at db:27017');
    expect(message).toMatch(/Hãy kiểm tra/);
  });
});
