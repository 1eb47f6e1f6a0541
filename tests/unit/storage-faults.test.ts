import { describe, expect, it } from 'vitest';

import { describeStorageFault } from '../../src/domain/storage-faults';

/** Errors as the drivers throw them: drizzle wraps libsql's error in `cause`. */
const drizzle = (cause: unknown) => Object.assign(new Error('Failed query: insert into "articles" …'), { cause });

describe('storage faults in words for the editor', () => {
  it.each([
    [
      'locked',
      drizzle(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })),
      503,
      /tiến trình khác giữ/,
    ],
    [
      'read-only file',
      drizzle(
        Object.assign(new Error('SQLITE_READONLY: attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
      ),
      503,
      /chỉ đọc/,
    ],
    [
      'read-only folder',
      drizzle(Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' })),
      503,
      /chỉ đọc/,
    ],
    [
      'EROFS upload folder',
      Object.assign(new Error("EROFS: read-only file system, open 'x.webp'"), { code: 'EROFS' }),
      503,
      /chỉ đọc/,
    ],
    [
      'disk full (SQLite)',
      drizzle(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })),
      507,
      /Ổ đĩa .* đã đầy/,
    ],
    ['disk full (files)', { code: 'ENOSPC' }, 507, /đã đầy/],
    [
      'MongoDB gone',
      Object.assign(new Error('Server selection timed out'), { name: 'MongoServerSelectionError' }),
      503,
      /Không kết nối được cơ sở dữ liệu/,
    ],
  ])('%s', (_label, error, status, message) => {
    const fault = describeStorageFault(error);
    expect(fault?.status).toBe(status);
    expect(fault?.message).toMatch(message);
    expect(fault?.message).toMatch(/Lần lưu này không thành công/);
  });

  it('leaves every other error to Payload', () => {
    expect(describeStorageFault(new Error('Lỗi - Field sau không hợp lệ: Tiêu đề'))).toBeUndefined();
    expect(describeStorageFault(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeUndefined();
    expect(describeStorageFault(undefined)).toBeUndefined();
  });

  it('follows a cause chain that loops without hanging', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = a;
    expect(describeStorageFault(a)).toBeUndefined();
  });
});
