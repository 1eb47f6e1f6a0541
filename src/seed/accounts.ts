import type { SeedResult } from './seed';

/** The one time the demo passwords are shown: role, e-mail, password and where the account works. */
export function formatAccounts(accounts: SeedResult['accounts']): string {
  const roleWidth = Math.max(12, ...accounts.map((a) => a.role.length + 1));
  const emailWidth = Math.max(...accounts.map((a) => a.email.length));
  const passwordWidth = Math.max(...accounts.map((a) => a.password.length));
  return [
    '',
    '┌─ Tài khoản mẫu (CHỈ dùng để thử, mật khẩu chỉ in MỘT lần này) ─────────────',
    ...accounts.map(
      (a) =>
        `│ ${a.role.padEnd(roleWidth)} ${a.email.padEnd(emailWidth)}  ${a.password.padEnd(passwordWidth)}  ${a.school}`,
    ),
    '└─ Dev-only demo accounts; passwords are shown once. Đăng nhập: http://localhost:3000/admin',
    '',
  ].join('\n');
}
