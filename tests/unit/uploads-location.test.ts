import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  defaultUploadsDir,
  mongoDatabaseName,
  outboxRoot,
  sqliteFilePath,
  uploadsRoot,
} from '../../src/domain/uploads-location';

const cwd = '/srv/chuyen-muc';

describe('defaultUploadsDir: the uploads folder belongs to its database', () => {
  it('keeps data/uploads for the default SQLite file, however it is spelled (installs upgraded in place keep their files)', () => {
    for (const uri of [undefined, '', '  ', 'file:./data/cms.db', 'file:data/cms.db', `file:${cwd}/data/cms.db`])
      expect(defaultUploadsDir(uri, cwd), String(uri)).toBe('/srv/chuyen-muc/data/uploads');
  });

  it('gives any other SQLite file a folder beside it, named after it', () => {
    expect(defaultUploadsDir('file:./elsewhere/other.db', cwd)).toBe('/srv/chuyen-muc/elsewhere/other-uploads');
    expect(defaultUploadsDir('file:other.db', cwd)).toBe('/srv/chuyen-muc/other-uploads');
    expect(defaultUploadsDir('file:./data/cms-copy.db', cwd)).toBe('/srv/chuyen-muc/data/cms-copy-uploads');
    expect(defaultUploadsDir('file:/var/lib/cms/truong-a.sqlite', cwd)).toBe('/var/lib/cms/truong-a-uploads');
    expect(defaultUploadsDir('file:/var/lib/cms/truong-b', cwd)).toBe('/var/lib/cms/truong-b-uploads');
  });

  it('reads file: URLs with a query, and file:/// absolute URLs', () => {
    expect(defaultUploadsDir('file:./elsewhere/other.db?mode=rwc', cwd)).toBe(
      '/srv/chuyen-muc/elsewhere/other-uploads',
    );
    expect(defaultUploadsDir('file:./data/cms.db?mode=rwc', cwd)).toBe('/srv/chuyen-muc/data/uploads');
    expect(defaultUploadsDir('file:///var/lib/cms/a.db', cwd)).toBe('/var/lib/cms/a-uploads');
    expect(defaultUploadsDir('file://localhost/var/lib/cms/a.db', cwd)).toBe('/var/lib/cms/a-uploads');
    expect(sqliteFilePath('./x.db?mode=ro&cache=shared')).toBe('./x.db');
  });

  it('two different databases never get the same folder', () => {
    const uris = [
      undefined,
      'file:./elsewhere/other.db',
      'file:./data/other.db',
      'mongodb://db:27017/truong-a',
      'mongodb://db:27017/truong-b',
      'mongodb+srv://u:p@cluster0.example.net/truong-c?retryWrites=true',
    ];
    const dirs = uris.map((u) => defaultUploadsDir(u, cwd));
    expect(new Set(dirs).size).toBe(uris.length);
  });

  it('names MongoDB folders after the database, with or without credentials, options or srv', () => {
    expect(defaultUploadsDir('mongodb://localhost:27017/chuyen-muc', cwd)).toBe(
      '/srv/chuyen-muc/data/uploads-chuyen-muc',
    );
    expect(
      defaultUploadsDir('mongodb://user:p%40ss@db1:27017,db2:27018/chuyen-muc?authSource=admin&replicaSet=rs0', cwd),
    ).toBe('/srv/chuyen-muc/data/uploads-chuyen-muc');
    expect(defaultUploadsDir('mongodb+srv://u:p@cluster0.example.net/truong_thcs?retryWrites=true', cwd)).toBe(
      '/srv/chuyen-muc/data/uploads-truong_thcs',
    );
  });

  it('uses the driver default database name "test" when the URI names none', () => {
    expect(mongoDatabaseName('mongodb://localhost:27017')).toBe('test');
    expect(mongoDatabaseName('mongodb://localhost:27017/')).toBe('test');
    expect(mongoDatabaseName('mongodb://localhost:27017/?replicaSet=rs0')).toBe('test');
    expect(mongoDatabaseName('mongodb://localhost:27017?replicaSet=rs0')).toBe('test');
    expect(mongoDatabaseName('mongodb+srv://u:p@cluster0.example.net')).toBe('test');
    expect(defaultUploadsDir('mongodb://localhost', cwd)).toBe('/srv/chuyen-muc/data/uploads-test');
  });

  it('keeps a database name that is not a safe folder name inside the data folder', () => {
    expect(mongoDatabaseName('mongodb://h/a%2F..%2Fb')).toBe('a/../b');
    const dir = defaultUploadsDir('mongodb://h/a%2F..%2Fb', cwd);
    expect(path.dirname(dir)).toBe('/srv/chuyen-muc/data');
    expect(defaultUploadsDir('file:./x/..db', cwd)).toBe('/srv/chuyen-muc/x/_-uploads');
  });

  it('refuses a URI the CMS itself refuses', () => {
    expect(() => defaultUploadsDir('postgres://x', cwd)).toThrow(/DATABASE_URI must start with/);
  });
});

describe('uploadsRoot', () => {
  it('UPLOADS_DIR wins, relative to the project folder; blank means unset', () => {
    expect(uploadsRoot({ UPLOADS_DIR: '/mnt/tep', DATABASE_URI: 'file:./x.db' }, cwd)).toBe('/mnt/tep');
    expect(uploadsRoot({ UPLOADS_DIR: 'tep', DATABASE_URI: 'file:./x.db' }, cwd)).toBe('/srv/chuyen-muc/tep');
    expect(uploadsRoot({ UPLOADS_DIR: ' ', DATABASE_URI: 'file:./x.db' }, cwd)).toBe('/srv/chuyen-muc/x-uploads');
    expect(uploadsRoot({}, cwd)).toBe('/srv/chuyen-muc/data/uploads');
  });
});

describe('outboxRoot: mails without SMTP are written beside their database too', () => {
  const cwd = '/srv/chuyen-muc';
  it('follows the uploads rule, and MAIL_OUTBOX_DIR wins', () => {
    expect(outboxRoot({}, cwd)).toBe('/srv/chuyen-muc/data/outbox');
    expect(outboxRoot({ DATABASE_URI: 'file:./data/cms.db' }, cwd)).toBe('/srv/chuyen-muc/data/outbox');
    expect(outboxRoot({ DATABASE_URI: 'file:/tmp/t/cms.db' }, cwd)).toBe('/tmp/t/cms-outbox');
    expect(outboxRoot({ DATABASE_URI: 'mongodb://h:27017/truong' }, cwd)).toBe('/srv/chuyen-muc/data/outbox-truong');
    expect(outboxRoot({ MAIL_OUTBOX_DIR: 'thu', DATABASE_URI: 'file:/tmp/t/cms.db' }, cwd)).toBe('/srv/chuyen-muc/thu');
    expect(outboxRoot({ MAIL_OUTBOX_DIR: ' ' }, cwd)).toBe('/srv/chuyen-muc/data/outbox');
  });
});
