import type { SeedResult } from './seed';

/** The one time the demo passwords are shown. */
export function formatAccounts(accounts: SeedResult['accounts']): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    '',
    '┌─ Tài khoản mẫu (CHỈ dùng để thử, mật khẩu chỉ in MỘT lần này) ─────────────',
    ...accounts.map((a) => `│ ${a.role.padEnd(12)} ${a.email.padEnd(width)}  ${a.password}`),
    '└─ Dev-only demo accounts; passwords are shown once. Đăng nhập: http://localhost:3000/admin',
    '',
  ].join('\n');
}
