import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { simpleParser } from 'mailparser';
import { renderToStaticMarkup } from 'react-dom/server';
import { handleEndpoints, type Payload, type TypedUser } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { IMPORT_FIRST_PUBLISHED_AT } from '../../src/cms/fields/publication';
import { MailStatusPanel } from '../../src/cms/mail/MailStatusPanel';
import { closeMailTransports, deliverDueMail, queueMail } from '../../src/cms/mail/outbox';
import { buildAlertPass, notifyClosedQuarters, reminderPassAt } from '../../src/cms/mail/passes';
import { SKIP_SITE_REBUILD } from '../../src/cms/site-build/hooks';
import { statusDocFor } from '../../src/cms/site-build/lease';
import { closeEndedQuarters } from '../../src/cms/district/close-quarters';
import { passwordResetMail } from '../../src/domain/mail-content';
import { nextQuarter, quarterEnd, quarterId, quarterLabel, quarterOf, quarterStart } from '../../src/domain/quarters';
import { thresholdDueAt } from '../../src/domain/reminders';
import type { School } from '../../src/payload-types';
import { cmsBrowserUrl, reloadSettings } from '../../src/settings';
import { backendLabel, startTestCms, type TestCms } from '../support/cms';
import { createSchool, createStaff, firstSchool, type Staff } from '../support/fixtures';
import { restCall, restLogin } from '../support/rest';
import { linksOf, recipientsOf, startSmtpServer } from '../support/smtp';

/**
 * Mail from the CMS to a real SMTP server inside the test (smtp-server):
 * quarter reminders, the weekly digest, a failing build, a closed quarter,
 * password reset and invitation; no duplicates on a second run or from
 * another process; nothing lost while the server refuses; the outbox files
 * without SMTP. The quarter is the one after today's, so the moments the
 * passes run at are always ahead of the content made now.
 */
const PASSWORD = 'mat-khau-thu-nghiem-1';
const Q = nextQuarter(quarterOf(new Date()));
const QID = quarterId(Q);
const HOUR = 3_600_000;
const at = (threshold: 21 | 7 | 2, hours = 2) => new Date(thresholdDueAt(Q, threshold).getTime() + hours * HOUR);

let cms: TestCms;
let payload: Payload;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let staffA: Staff;
let staffB: Staff;
let schoolA: School;
let schoolB: School;
let quietEditor: TypedUser;
let officer: TypedUser;
const saved = { SMTP_URL: process.env.SMTP_URL };

const useSmtp = (url: string | undefined) => {
  if (url === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = url;
  reloadSettings();
  closeMailTransports();
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  cms = await startTestCms();
  payload = cms.payload;
  staffA = await createStaff(payload);
  schoolA = await firstSchool(payload);
  schoolB = await createSchool(payload, { name: 'Trường THCS Lê Lợi', slug: 'le-loi' });
  staffB = await createStaff(payload, { school: schoolB.id });
  quietEditor = (await payload.create({
    collection: 'users',
    data: {
      email: 'im-lang@truong.test',
      password: PASSWORD,
      name: 'Cô Lặng',
      remindersOff: true,
      schools: [{ school: schoolA.id, role: 'editor' }],
    },
  })) as TypedUser;
  officer = (await payload.create({
    collection: 'users',
    data: { email: 'phong@gd.test', password: PASSWORD, name: 'Cán bộ Phòng', platformRole: 'district-officer' },
  })) as TypedUser;
  // B keeps quarter Q with one article published in it; A has nothing.
  const inQ = new Date(quarterStart(Q).getTime() + 3 * 86_400_000).toISOString();
  await payload.create({
    collection: 'articles',
    data: {
      title: 'Ngày hội Bạn trai, bạn gái cùng làm',
      school: schoolB.id,
      _status: 'published',
      publishedAt: inQ,
      firstPublishedAt: inQ,
    },
    context: { [IMPORT_FIRST_PUBLISHED_AT]: true, [SKIP_SITE_REBUILD]: true },
  });
}, 120_000);

afterAll(async () => {
  await cms?.stop();
  await smtp?.stop();
  useSmtp(saved.SMTP_URL);
});

/** A header of a raw message, unfolded (mailparser turns List-* headers into objects). */
const headerOf = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' '))?.[1];

const mailsTo = (email: string) => smtp.received.filter((r) => recipientsOf(r.mail).includes(email.toLowerCase()));

describe(`mail to a real SMTP server (${backendLabel[process.env.TEST_BACKEND as keyof typeof backendLabel] ?? 'SQLite (embedded)'})`, () => {
  it('21 days before the end: A’s admin and editor are reminded, in Vietnamese, with links that work; B (covered), contributors and those who opted out are not', async () => {
    const result = await reminderPassAt(payload, { now: at(21) });
    expect(result.failures).toEqual([]);
    const reminders = result.planned.filter((p) => p.kind === 'quarter-reminder');
    expect(reminders.map((p) => p.to).sort()).toEqual([staffA.admin.email, staffA.editor.email].sort());
    expect(reminders.every((p) => p.state === 'sent')).toBe(true);

    await smtp.waitFor(3);
    for (const who of [staffA.admin, staffA.editor]) {
      const [mail] = mailsTo(who.email);
      expect(mail, who.email).toBeDefined();
      const { subject, text, html, headers } = mail!.mail;
      expect(subject).toBe(`[${schoolA.name}] ${quarterLabel(QID)}: còn 21 ngày, chuyên mục chưa đủ bài`);
      expect(text).toContain(`Kính gửi ${who.name},`);
      expect(text).toContain('Trong quý này chưa có bài nào được đăng.');
      expect(html).toContain('Viết bài mới');
      expect(linksOf(text)).toContain(`${cmsBrowserUrl()}/admin/collections/articles/create`);
      expect(headerOf(mail!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(headerOf(mail!.raw, 'List-Unsubscribe')).toMatch(/^<http:\/\/[^>]+\/api\/users\/unsubscribe\?u=[^>]+>/);
      expect(headerOf(mail!.raw, 'Subject')).toMatch(/^=\?UTF-8\?/);
      expect(headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    }
    for (const nobody of [staffA.contributor, quietEditor, staffB.admin, staffB.editor])
      expect(mailsTo(nobody.email)).toEqual([]);

    // The district officer's digest: A at risk, B not.
    const [digest] = mailsTo(officer.email);
    // At risk this quarter: A only (B has its article). Both missed the quarter before (today's, empty).
    const [atRisk, missedLast] = digest!.mail.text!.split('Trường không đạt');
    expect(atRisk).toContain(`- ${schoolA.name}: 0/1 bài`);
    expect(atRisk).not.toContain(schoolB.name);
    expect(missedLast).toContain(`- ${schoolB.name}: 0/1 bài`);
    expect(linksOf(digest!.mail.text)).toContain(`${cmsBrowserUrl()}/admin/district`);
  });

  it('runs again for the same moment, and from another process (a restart): nothing new is sent', async () => {
    const again = await reminderPassAt(payload, { now: at(21) });
    expect(again.planned).toEqual([]);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/reminders.ts', '--now', at(21, 5).toISOString(), '--json'],
      { env: { ...process.env, SMTP_URL: smtp.url }, timeout: 120_000 },
    );
    // Drizzle's schema push (a dev database) may print a line before the JSON.
    expect(
      JSON.parse(stdout.slice(stdout.indexOf('{\n'))).planned.filter(
        (p: { kind: string }) => p.kind !== 'weekly-digest',
      ),
    ).toEqual([]);
    expect(smtp.received).toHaveLength(3);
  }, 150_000);

  it('npm run reminders --dry-run prints who would get what and sends and remembers nothing', async () => {
    const next = nextQuarter(Q);
    const moment = new Date(thresholdDueAt(next, 21).getTime() + 3 * HOUR);
    const before = {
      mails: smtp.received.length,
      log: (await payload.count({ collection: 'reminders-sent' })).totalDocs,
    };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/reminders.ts', '--now', moment.toISOString(), '--dry-run'],
      { env: { ...process.env, SMTP_URL: smtp.url }, timeout: 120_000 },
    );
    expect(stdout).toContain(`- quarter-reminder → ${staffA.admin.name} <${staffA.admin.email}>`);
    expect(stdout).toContain(`${quarterLabel(quarterId(next))}: còn 21 ngày`);
    expect(stdout).not.toContain(staffA.contributor.email);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(before.mails);
    expect((await payload.count({ collection: 'reminders-sent' })).totalDocs).toBe(before.log);
  }, 150_000);

  it('a late pass (the server was down past the 7-day reminder) sends only the 2-day one, and the 7-day one never follows', async () => {
    const result = await reminderPassAt(payload, { now: at(2) });
    expect(result.planned.filter((p) => p.kind === 'quarter-reminder')).toHaveLength(2);
    await smtp.waitFor(5);
    const latest = mailsTo(staffA.admin.email).at(-1)!;
    expect(latest.mail.subject).toContain('còn 2 ngày');
    const later = await reminderPassAt(payload, { now: at(7, 30) });
    expect(later.planned.filter((p) => p.kind === 'quarter-reminder')).toEqual([]);
    expect(smtp.received.filter((r) => r.mail.subject?.includes('còn 7 ngày'))).toEqual([]);
  });

  it('the unsubscribe link turns reminders off for that person only (a GET only asks)', async () => {
    const [mail] = mailsTo(staffA.editor.email);
    const link = headerOf(mail!.raw, 'List-Unsubscribe')!.match(/<([^>]+)>/)![1]!;
    const request = (method: string, url: string) =>
      handleEndpoints({
        config: cms.config,
        request: new Request(url.replace(cmsBrowserUrl(), 'http://localhost:3000'), { method }),
      });
    const asked = await request('GET', link);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Tắt thư nhắc?');
    const byId = (id: number | string) => payload.findByID({ collection: 'users', id, depth: 0 });
    expect((await byId(staffA.editor.id)).remindersOff).toBeFalsy();
    const done = await request('POST', link);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Đã tắt thư nhắc');
    expect((await byId(staffA.editor.id)).remindersOff).toBe(true);
    expect((await byId(staffA.admin.id)).remindersOff).toBeFalsy();
    const forged = await request('GET', link.replace(/t=[^&]+/, 't=khong-dung'));
    expect(forged.status).toBe(400);
  });

  it('while the server refuses, mails stay in the outbox with the reason and are retried until delivered, each once', async () => {
    smtp.refuse(451);
    const before = smtp.received.length;
    const kept = await queueMail(payload, {
      kind: 'other',
      to: { name: 'Thầy Minh', address: 'thay.minh@truong.test' },
      school: schoolA.id,
      content: passwordResetMail({
        personName: 'Thầy Minh',
        resetUrl: 'http://localhost/x',
        expiresAt: new Date().toISOString(),
      }),
    });
    expect(kept.state).toBe('retrying');
    expect(kept.lastError).toContain('451');
    expect(kept.attempts).toBe(1);
    // Not due yet: nothing is tried before its time.
    expect((await deliverDueMail(payload)).attempted).toBe(0);
    const second = await deliverDueMail(payload, { now: new Date(Date.parse(kept.nextAttemptAt!) + 1) });
    expect(second).toEqual({ attempted: 1, delivered: 0, failed: 1 });
    smtp.accept();
    const third = await deliverDueMail(payload, { now: new Date(Date.now() + 2 * HOUR) });
    expect(third.delivered).toBe(1);
    await smtp.waitFor(before + 1);
    expect(mailsTo('thay.minh@truong.test')).toHaveLength(1);
    const after = await payload.findByID({ collection: 'mail-outbox', id: kept.id, depth: 0 });
    expect(after).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect((await deliverDueMail(payload, { now: new Date(Date.now() + 5 * HOUR) })).attempted).toBe(0);
  });

  it('an unreachable server is retried the same way, and says which server', async () => {
    useSmtp('smtp://127.0.0.1:1');
    try {
      const kept = await queueMail(payload, {
        kind: 'other',
        to: { address: 'ai-do@truong.test' },
        content: { subject: 'Thử', text: 'Thử', html: '<p>Thử</p>' },
      });
      expect(kept.state).toBe('retrying');
      expect(kept.lastError).toContain('Không kết nối được máy chủ thư 127.0.0.1:1');
    } finally {
      useSmtp(smtp.url);
    }
    const run = await deliverDueMail(payload, { now: new Date(Date.now() + 2 * HOUR) });
    expect(run.delivered).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(smtp.received.length);
    expect(mailsTo('ai-do@truong.test')).toHaveLength(1);
  });

  it('a failing site build: A’s admins hear once per run of failures', async () => {
    const status = await statusDocFor(payload, schoolA.id);
    const update = (data: Record<string, string>) =>
      payload.update({ collection: 'site-builds', id: status.id, data, overrideAccess: true, depth: 0 });
    const failAt = (t: number) => ({
      lastFailureAt: new Date(t).toISOString(),
      lastFailureReason: 'Tệp ảnh bìa bị thiếu',
    });
    const t0 = Date.now();
    await update({ lastSuccessAt: new Date(t0 - 10 * HOUR).toISOString(), ...failAt(t0 - HOUR) });
    const first = await buildAlertPass(payload, { now: new Date(), schools: [schoolA] });
    expect(first.planned.map((p) => p.to)).toEqual([staffA.admin.email]);
    await update(failAt(t0 - HOUR / 2));
    expect((await buildAlertPass(payload, { now: new Date() })).planned).toEqual([]);
    await update({ lastSuccessAt: new Date(t0 - HOUR / 4).toISOString() });
    await update(failAt(t0));
    expect((await buildAlertPass(payload, { now: new Date() })).planned).toHaveLength(1);
    const alerts = mailsTo(staffA.admin.email).filter((r) => r.mail.subject?.includes('không cập nhật được'));
    await smtp.waitFor(smtp.received.length);
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts[0]!.mail.text).toContain('Lý do: Tệp ảnh bìa bị thiếu');
  });

  it('when quarters close, each school’s admins get the result', async () => {
    const { created } = await closeEndedQuarters(payload, { now: new Date(quarterEnd(Q).getTime() + 2 * HOUR) });
    const result = await notifyClosedQuarters(payload, created, { now: new Date() });
    expect(result.planned.map((p) => p.to).sort()).toEqual([staffA.admin.email, staffB.admin.email].sort());
    await smtp.waitFor(smtp.received.length);
    const closedA = mailsTo(staffA.admin.email).find((r) => r.mail.subject?.includes('Kết quả chốt'))!;
    expect(closedA.mail.text).toContain(`${quarterLabel(QID)}: KHÔNG ĐẠT (0/1 bài)`);
    const closedB = mailsTo(staffB.admin.email).find((r) => r.mail.subject?.includes('Kết quả chốt'))!;
    expect(closedB.mail.text).toContain(`${quarterLabel(QID)}: ĐẠT (1/1 bài)`);
  });

  it('forgot password: the mailed link resets the password (REST, as the admin does)', async () => {
    const before = smtp.received.length;
    const answer = await restCall(cms.config, 'POST', '/users/forgot-password', {
      body: { email: staffA.contributor.email },
    });
    expect(answer.status).toBe(200);
    await smtp.waitFor(before + 1);
    const [mail] = mailsTo(staffA.contributor.email);
    expect(mail!.mail.subject).toBe('Đặt lại mật khẩu Chuyên mục Bình đẳng giới');
    expect(headerOf(mail!.raw, 'List-Unsubscribe')).toBeUndefined();
    const link = linksOf(mail!.mail.text).find((l) => l.includes('/admin/reset/'))!;
    const token = decodeURIComponent(link.split('/admin/reset/')[1]!);
    const reset = await restCall(cms.config, 'POST', '/users/reset-password', {
      body: { token, password: 'mat-khau-moi-2027' },
    });
    expect(reset.status).toBe(200);
    await expect(restLogin(cms.config, staffA.contributor.email, 'mat-khau-moi-2027')).resolves.toBeTruthy();
    // An unknown e-mail gets the same answer and no mail.
    const count = smtp.received.length;
    expect(
      (await restCall(cms.config, 'POST', '/users/forgot-password', { body: { email: 'khong-co@truong.test' } }))
        .status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received).toHaveLength(count);
  });

  it('an account an admin creates gets an invitation with a link to set its own password (never a password)', async () => {
    const before = smtp.received.length;
    await payload.create({
      collection: 'users',
      data: {
        email: 'moi@truong.test',
        password: 'do-admin-dat-tam-9',
        name: 'Cô Mới',
        schools: [{ school: schoolA.id, role: 'contributor' }],
      },
      user: staffA.admin,
      overrideAccess: false,
    });
    await smtp.waitFor(before + 1);
    const [mail] = mailsTo('moi@truong.test');
    expect(mail!.mail.subject).toBe(`Mời tham gia Chuyên mục Bình đẳng giới của ${schoolA.name}`);
    expect(mail!.raw).not.toContain('do-admin-dat-tam-9');
    const link = linksOf(mail!.mail.text).find((l) => l.includes('/admin/reset/'))!;
    const token = decodeURIComponent(link.split('/admin/reset/')[1]!);
    expect(
      (
        await restCall(cms.config, 'POST', '/users/reset-password', {
          body: { token, password: 'mat-khau-cua-co-moi' },
        })
      ).status,
    ).toBe(200);
    await expect(restLogin(cms.config, 'moi@truong.test', 'mat-khau-cua-co-moi')).resolves.toBeTruthy();
  });

  it('the outbox is read by admins of the mail’s school and platform admins only, never the message itself', async () => {
    const tokenOf = (u: TypedUser, pw = PASSWORD) => restLogin(cms.config, u.email, pw);
    const list = async (token: string) =>
      (await restCall(cms.config, 'GET', '/mail-outbox?limit=100&depth=0', { token })).json;
    const asAdminB = await list(await tokenOf(staffB.admin));
    expect(asAdminB.docs.length).toBeGreaterThan(0);
    expect(asAdminB.docs.every((d: { school: unknown }) => String(d.school) === String(schoolB.id))).toBe(true);
    expect(asAdminB.docs.every((d: Record<string, unknown>) => !('raw' in d) && !('envelope' in d))).toBe(true);
    const asEditor = await restCall(cms.config, 'GET', '/mail-outbox', { token: await tokenOf(staffB.editor) });
    expect(asEditor.status).toBe(403);
    // Account mails keep their words to themselves.
    const asPlatform = await list(await tokenOf(staffA.admin));
    const reset = asPlatform.docs.find((d: { kind: string }) => d.kind === 'password-reset');
    expect(reset.preview).toBeNull();
  });

  it('admins see undelivered mail on their dashboard; editors do not', async () => {
    useSmtp('smtp://127.0.0.1:1');
    try {
      await queueMail(payload, {
        kind: 'other',
        to: { address: 'cho-gui@truong.test' },
        school: schoolA.id,
        content: { subject: 'Chờ gửi', text: 'Chờ gửi', html: '<p>Chờ gửi</p>' },
      });
      const panel = async (user: TypedUser) =>
        renderToStaticMarkup(
          (await MailStatusPanel({ payload, user } as Parameters<typeof MailStatusPanel>[0])) ?? null,
        );
      const forAdmin = await panel(staffA.admin);
      expect(forAdmin).toContain('Có thư chưa gửi được');
      expect(forAdmin).toContain('Không kết nối được máy chủ thư 127.0.0.1:1');
      expect(forAdmin).toContain('/admin/collections/mail-outbox');
      expect(await panel(staffA.editor)).toBe('');
    } finally {
      useSmtp(smtp.url);
    }
    await deliverDueMail(payload, { now: new Date(Date.now() + 2 * HOUR) });
    expect(mailsTo('cho-gui@truong.test')).toHaveLength(1);
  });

  it('without SMTP_URL every message is written as an .eml file and listed as such', async () => {
    useSmtp(undefined);
    try {
      const kept = await queueMail(payload, {
        kind: 'quarter-reminder',
        to: { name: 'Cô Lan', address: 'co.lan@truong.test' },
        school: schoolA.id,
        content: {
          subject: 'Quý I/2027: còn 7 ngày',
          text: 'Chào cô Lan – chuyên mục Bình đẳng giới',
          html: '<p>Chào cô Lan</p>',
        },
      });
      expect(kept.state).toBe('written');
      const dir = process.env.MAIL_OUTBOX_DIR!;
      expect(path.dirname(kept.file!)).toBe(path.resolve(dir));
      expect((await readdir(dir)).filter((f) => f.endsWith('.eml'))).toContain(path.basename(kept.file!));
      const parsed = await simpleParser(await readFile(kept.file!));
      expect(parsed.subject).toBe('Quý I/2027: còn 7 ngày');
      expect(parsed.text?.trim()).toBe('Chào cô Lan – chuyên mục Bình đẳng giới');
      expect(recipientsOf(parsed)).toEqual(['co.lan@truong.test']);
    } finally {
      useSmtp(smtp.url);
    }
  });
});
