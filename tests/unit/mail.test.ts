import { describe, expect, it } from 'vitest';

import {
  buildFailureMail,
  digestMail,
  invitationMail,
  passwordResetMail,
  quarterClosedMail,
  reminderMail,
} from '../../src/domain/mail-content';
import { nextAttemptAt, RETRY_DELAYS_MS, retryDelay } from '../../src/domain/mail-retry';
import { weeklyDigest, withinSendingHours } from '../../src/domain/reminders';
import { unsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from '../../src/domain/unsubscribe';

const links = {
  writeUrl: 'https://cms.truong.edu.vn/admin/collections/articles/create',
  unsubscribeUrl: 'https://cms.truong.edu.vn/api/users/unsubscribe?u=7&t=x',
};
const reminder = (over: Partial<Parameters<typeof reminderMail>[0]> = {}) =>
  reminderMail({
    personName: 'Cô Nguyễn Thị Lan',
    schoolName: 'Trường THCS Nguyễn Du',
    quarter: '2027-Q1',
    quarterEnd: '2027-03-31T16:59:59.999Z',
    daysLeft: 7,
    minPerQuarter: 2,
    published: [],
    ...links,
    ...over,
  });

describe('mail content', () => {
  it('a quarter reminder names the school, the quarter, the days left and what counts so far, in text and HTML alike', () => {
    const mail = reminder({
      published: [{ title: 'Ngày hội 8/3', url: 'https://truong.edu.vn/binh-dang-gioi/bai-viet/ngay-hoi/' }],
    });
    expect(mail.subject).toBe('[Trường THCS Nguyễn Du] Quý I/2027: còn 7 ngày, chuyên mục chưa đủ bài');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Kính gửi Cô Nguyễn Thị Lan,');
      expect(body).toContain('mới có 1/2 bài đã đăng, còn 7 ngày (hết ngày 31/03/2027)');
      expect(body).toContain('Ngày hội 8/3');
      expect(body).toContain(links.writeUrl);
      expect(body).toContain('Tắt thư nhắc');
    }
    expect(mail.text).toContain(`Viết bài mới: ${links.writeUrl}`);
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="vi">/);
  });

  it('the last day says so; nothing published says so', () => {
    const mail = reminder({ daysLeft: 1 });
    expect(mail.subject).toContain('hôm nay là ngày cuối');
    expect(mail.text).toContain('Trong quý này chưa có bài nào được đăng.');
  });

  it('escapes what editors typed in HTML, and leaves the text as typed', () => {
    const mail = reminder({
      schoolName: 'Trường <THCS> "A" & B',
      published: [{ title: '<script>x</script>', url: null }],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).toContain('Trường &lt;THCS&gt; &quot;A&quot; &amp; B');
    expect(mail.text).toContain('Trường <THCS> "A" & B');
  });

  it('a closed quarter gives each quarter’s result', () => {
    const mail = quarterClosedMail({
      personName: 'Thầy Hùng',
      schoolName: 'Trường THCS Lê Lợi',
      quarters: [
        { quarter: '2026-Q4', status: 'missed', count: 0, minPerQuarter: 1 },
        { quarter: '2027-Q1', status: 'covered', count: 3, minPerQuarter: 1 },
      ],
      coverageUrl: 'https://le-loi.edu.vn/binh-dang-gioi/bao-cao/',
      unsubscribeUrl: links.unsubscribeUrl,
    });
    expect(mail.subject).toBe('[Trường THCS Lê Lợi] Kết quả chốt Quý IV/2026, Quý I/2027: có quý không đạt');
    expect(mail.text).toContain('- Quý IV/2026: KHÔNG ĐẠT (0/1 bài)\n- Quý I/2027: ĐẠT (3/1 bài)');
  });

  it('the digest lists at-risk schools, last quarter’s misses and unreadable reports', () => {
    const now = new Date('2027-03-15T02:00:00Z');
    const digest = weeklyDigest(now, [{ slug: 'x', name: 'Trường X', error: 'HTTP 404' }]);
    const mail = digestMail({
      personName: 'Cán bộ',
      digest,
      dashboardUrl: 'https://cms/admin/district',
      unsubscribeUrl: links.unsubscribeUrl,
    });
    expect(mail.subject).toBe(
      'Tổng hợp chuyên mục Bình đẳng giới tuần 11: 0 trường cần nhắc, 0 trường không đạt quý trước',
    );
    expect(mail.text).toContain('Chưa có trường nào có nguy cơ không đạt Quý I/2027.');
    expect(mail.text).toContain('- Trường X: HTTP 404');
  });

  it('a failing build says since when the site is stale', () => {
    const mail = buildFailureMail({
      personName: 'Thầy Hùng',
      schoolName: 'Trường THCS Lê Lợi',
      failedAt: '2027-03-10T03:00:00Z',
      reason: 'Thiếu tệp ảnh',
      lastSuccessAt: null,
      statusUrl: 'https://cms/admin/collections/site-builds/1',
      unsubscribeUrl: links.unsubscribeUrl,
    });
    expect(mail.text).toContain('lúc 10:00 10/03/2027');
    expect(mail.text).toContain('Trang chưa từng được dựng thành công.');
  });

  it('account mails carry a one-time link and no unsubscribe line', () => {
    const reset = passwordResetMail({
      personName: 'Cô Lan',
      resetUrl: 'https://cms/admin/reset/abc',
      expiresAt: '2027-03-10T04:00:00Z',
    });
    expect(reset.text).toContain('Đặt mật khẩu mới: https://cms/admin/reset/abc');
    expect(reset.text).not.toContain('Tắt thư nhắc');
    const invite = invitationMail({
      personName: 'Cô Mới',
      email: 'moi@truong.edu.vn',
      schoolNames: [],
      invitedBy: null,
      setPasswordUrl: 'https://cms/admin/reset/def',
      expiresAt: '2027-03-17T04:00:00Z',
    });
    expect(invite.subject).toBe('Mời tham gia Chuyên mục Bình đẳng giới');
    expect(invite.text).toContain('Quản trị viên đã tạo cho thầy cô một tài khoản');
    expect(invite.text).toContain('không ai gửi mật khẩu qua thư');
  });
});

describe('retries', () => {
  it('waits longer after each failure, capped at an hour, never giving up', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([...RETRY_DELAYS_MS]);
    expect(retryDelay(50)).toBe(60 * 60_000);
    expect(nextAttemptAt(1, new Date('2027-01-01T00:00:00Z')).toISOString()).toBe('2027-01-01T00:00:30.000Z');
    expect(() => retryDelay(0)).toThrow(RangeError);
    expect(() => retryDelay(1.5)).toThrow(RangeError);
  });
});

describe('unsubscribe links', () => {
  const secret = 'a-long-secret-for-the-tests-0123456789';
  it('verify for their own account under the same secret only', () => {
    const token = unsubscribeToken(secret, 7);
    expect(verifyUnsubscribeToken(secret, 7, token)).toBe(true);
    expect(verifyUnsubscribeToken(secret, '7', token)).toBe(true);
    expect(verifyUnsubscribeToken(secret, 8, token)).toBe(false);
    expect(verifyUnsubscribeToken('another-secret', 7, token)).toBe(false);
    expect(verifyUnsubscribeToken(secret, 7, token.slice(1))).toBe(false);
    expect(verifyUnsubscribeToken(secret, 7, '')).toBe(false);
  });
  it('are addresses on the CMS', () => {
    const url = new URL(unsubscribeUrl('https://cms.truong.edu.vn', secret, 'abc'));
    expect(url.pathname).toBe('/api/users/unsubscribe');
    expect(url.searchParams.get('u')).toBe('abc');
    expect(verifyUnsubscribeToken(secret, 'abc', url.searchParams.get('t')!)).toBe(true);
  });
});

describe('sending hours', () => {
  it('07:00 to 20:59 in Vietnam, whatever the server’s zone', () => {
    expect(withinSendingHours(new Date('2027-03-10T06:59:59+07:00'))).toBe(false);
    expect(withinSendingHours(new Date('2027-03-10T07:00:00+07:00'))).toBe(true);
    expect(withinSendingHours(new Date('2027-03-10T20:59:59+07:00'))).toBe(true);
    expect(withinSendingHours(new Date('2027-03-10T21:00:00+07:00'))).toBe(false);
    expect(withinSendingHours(new Date('2027-03-10T00:30:00Z'))).toBe(true);
    expect(() => withinSendingHours(new Date('x'))).toThrow();
  });
});
