/**
 * The words of every mail the column sends, in Vietnamese, each made once as
 * blocks and rendered twice: plain text and HTML carry the same content, so
 * a phone that shows only text misses nothing. Pure: the senders (src/cms/mail)
 * supply names, counts and links; the tests read these mails back as sent.
 */
import type { WeeklyDigest } from './reminders';
import { quarterLabel } from './quarters';
import { formatVietnamDate, formatVietnamDateTime } from './vietnam-time';

export type MailContent = { subject: string; text: string; html: string };

type Block =
  | { p: string }
  | { list: string[] }
  /** The one thing to do: a button in HTML, the address on its own line in text. */
  | { action: string; url: string }
  | { small: string };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FOOTER = 'Thư này do Chuyên mục Bình đẳng giới gửi tự động.';

function render(subject: string, blocks: Block[], unsubscribe?: string): MailContent {
  const all: Block[] = [...blocks, { small: FOOTER }];
  if (unsubscribe)
    all.push(
      { small: 'Không muốn nhận thư nhắc và thư tổng hợp nữa? Tắt tại:' },
      { action: 'Tắt thư nhắc', url: unsubscribe },
    );
  const text = all
    .map((b) => {
      if ('p' in b) return b.p;
      if ('list' in b) return b.list.map((item) => `- ${item}`).join('\n');
      if ('action' in b) return `${b.action}: ${b.url}`;
      return b.small;
    })
    .join('\n\n');
  const body = all
    .map((b) => {
      if ('p' in b) return `<p style="margin:0 0 16px">${escapeHtml(b.p)}</p>`;
      if ('list' in b)
        return `<ul style="margin:0 0 16px;padding-left:20px">${b.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
      if ('action' in b)
        return `<p style="margin:0 0 16px"><a href="${escapeHtml(b.url)}" style="display:inline-block;padding:10px 16px;background:#1d70b8;color:#fff;text-decoration:none;font-weight:bold">${escapeHtml(b.action)}</a></p>`;
      return `<p style="margin:0 0 12px;color:#505a5f;font-size:14px">${escapeHtml(b.small)}</p>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;background:#fff">
<div style="max-width:600px">
${body}
</div>
</body></html>
`;
  return { subject, text: `${text}\n`, html };
}

const greeting = (name: string) => ({ p: `Kính gửi ${name},` });

export type ReminderMailInput = {
  personName: string;
  schoolName: string;
  quarter: string;
  /** The quarter's last day, ISO. */
  quarterEnd: string;
  daysLeft: number;
  minPerQuarter: number;
  /** What counts so far this quarter. */
  published: { title: string; url: string | null }[];
  writeUrl: string;
  unsubscribeUrl: string;
};

export function reminderMail(input: ReminderMailInput): MailContent {
  const label = quarterLabel(input.quarter);
  const count = input.published.length;
  const days = input.daysLeft === 1 ? 'hôm nay là ngày cuối' : `còn ${input.daysLeft} ngày`;
  const blocks: Block[] = [
    greeting(input.personName),
    {
      p:
        `Chuyên mục Bình đẳng giới của ${input.schoolName} chưa đủ bài cho ${label}: ` +
        `mới có ${count}/${input.minPerQuarter} bài đã đăng, ${days} (hết ngày ${formatVietnamDate(input.quarterEnd)}).`,
    },
  ];
  if (count > 0) {
    blocks.push({ p: 'Đã đăng trong quý:' });
    blocks.push({ list: input.published.map((i) => (i.url ? `${i.title} (${i.url})` : i.title)) });
  } else {
    blocks.push({ p: 'Trong quý này chưa có bài nào được đăng.' });
  }
  blocks.push(
    { p: 'Chỉ cần một bài được đăng trước khi hết quý là trường giữ được chuyên mục.' },
    { action: 'Viết bài mới', url: input.writeUrl },
  );
  return render(`[${input.schoolName}] ${label}: ${days}, chuyên mục chưa đủ bài`, blocks, input.unsubscribeUrl);
}

export type QuarterClosedMailInput = {
  personName: string;
  schoolName: string;
  quarters: { quarter: string; status: 'covered' | 'missed'; count: number; minPerQuarter: number }[];
  coverageUrl: string;
  unsubscribeUrl: string;
};

export function quarterClosedMail(input: QuarterClosedMailInput): MailContent {
  const line = (q: QuarterClosedMailInput['quarters'][number]) =>
    `${quarterLabel(q.quarter)}: ${q.status === 'covered' ? 'ĐẠT' : 'KHÔNG ĐẠT'} (${q.count}/${q.minPerQuarter} bài)`;
  const labels = input.quarters.map((q) => quarterLabel(q.quarter)).join(', ');
  const missed = input.quarters.some((q) => q.status === 'missed');
  return render(
    `[${input.schoolName}] Kết quả chốt ${labels}: ${missed ? 'có quý không đạt' : 'đạt'}`,
    [
      greeting(input.personName),
      { p: `Kết quả duy trì chuyên mục Bình đẳng giới của ${input.schoolName} đã được chốt và ghi vào biên bản:` },
      { list: input.quarters.map(line) },
      {
        p: missed
          ? 'Quý không đạt vẫn được ghi như vậy trong biên bản gửi Phòng GD&ĐT. Hãy lên kế hoạch bài cho quý đang diễn ra.'
          : 'Cảm ơn thầy cô đã giữ chuyên mục.',
      },
      { action: 'Xem trang tình hình duy trì', url: input.coverageUrl },
    ],
    input.unsubscribeUrl,
  );
}

export type DigestMailInput = {
  personName: string;
  digest: WeeklyDigest;
  dashboardUrl: string;
  unsubscribeUrl: string;
};

export function digestMail({ personName, digest, dashboardUrl, unsubscribeUrl }: DigestMailInput): MailContent {
  const blocks: Block[] = [greeting(personName)];
  if (digest.atRisk.length > 0) {
    blocks.push(
      { p: `Trường chưa đủ bài ${quarterLabel(digest.quarter)} (còn ${digest.atRisk[0]!.daysLeft} ngày):` },
      { list: digest.atRisk.map((s) => `${s.name}: ${s.count}/${s.minPerQuarter} bài`) },
    );
  } else {
    blocks.push({ p: `Chưa có trường nào có nguy cơ không đạt ${quarterLabel(digest.quarter)}.` });
  }
  if (digest.missedLast.length > 0) {
    blocks.push(
      { p: `Trường không đạt ${quarterLabel(digest.lastQuarter)}:` },
      { list: digest.missedLast.map((s) => `${s.name}: ${s.count}/${s.minPerQuarter} bài`) },
    );
  }
  if (digest.unknown.length > 0) {
    blocks.push(
      { p: 'Chưa đọc được báo cáo của:' },
      {
        list: digest.unknown.map(
          (s) =>
            `${s.name}: ${s.reason === 'unreadable' ? s.detail : `báo cáo cũ (${formatVietnamDateTime(s.detail)})`}`,
        ),
      },
    );
  }
  blocks.push({ action: 'Mở bảng tổng hợp các trường', url: dashboardUrl });
  const parts = [`${digest.atRisk.length} trường cần nhắc`, `${digest.missedLast.length} trường không đạt quý trước`];
  return render(
    `Tổng hợp chuyên mục Bình đẳng giới tuần ${digest.week.slice(-2)}: ${parts.join(', ')}`,
    blocks,
    unsubscribeUrl,
  );
}

export type BuildFailureMailInput = {
  personName: string;
  schoolName: string;
  failedAt: string;
  reason: string;
  lastSuccessAt: string | null;
  statusUrl: string;
  unsubscribeUrl: string;
};

export function buildFailureMail(input: BuildFailureMailInput): MailContent {
  return render(
    `[${input.schoolName}] Trang chuyên mục không cập nhật được`,
    [
      greeting(input.personName),
      {
        p:
          `Lần dựng trang chuyên mục của ${input.schoolName} lúc ${formatVietnamDateTime(input.failedAt)} bị lỗi, ` +
          `nên bài mới chưa hiện với phụ huynh và học sinh. ` +
          (input.lastSuccessAt
            ? `Trang vẫn là bản dựng thành công lúc ${formatVietnamDateTime(input.lastSuccessAt)}.`
            : 'Trang chưa từng được dựng thành công.'),
      },
      { p: `Lý do: ${input.reason}` },
      { p: 'Thư này chỉ gửi một lần cho mỗi đợt lỗi; khi trang dựng lại được, đợt lỗi kết thúc.' },
      { action: 'Xem tình trạng dựng trang', url: input.statusUrl },
    ],
    input.unsubscribeUrl,
  );
}

export type PasswordResetMailInput = { personName: string; resetUrl: string; expiresAt: string };

export function passwordResetMail(input: PasswordResetMailInput): MailContent {
  return render('Đặt lại mật khẩu Chuyên mục Bình đẳng giới', [
    greeting(input.personName),
    { p: 'Có người (có thể là thầy cô) vừa yêu cầu đặt lại mật khẩu cho tài khoản này.' },
    { action: 'Đặt mật khẩu mới', url: input.resetUrl },
    { p: `Liên kết dùng được một lần, đến ${formatVietnamDateTime(input.expiresAt)}.` },
    { p: 'Nếu không phải thầy cô yêu cầu, hãy bỏ qua thư này: mật khẩu cũ vẫn giữ nguyên.' },
  ]);
}

export type InvitationMailInput = {
  personName: string;
  email: string;
  schoolNames: string[];
  invitedBy: string | null;
  setPasswordUrl: string;
  expiresAt: string;
};

export function invitationMail(input: InvitationMailInput): MailContent {
  const where = input.schoolNames.length > 0 ? ` của ${input.schoolNames.join(', ')}` : '';
  return render(`Mời tham gia Chuyên mục Bình đẳng giới${where}`, [
    greeting(input.personName),
    {
      p:
        `${input.invitedBy ?? 'Quản trị viên'} đã tạo cho thầy cô một tài khoản trên Chuyên mục Bình đẳng giới${where}, ` +
        `đăng nhập bằng địa chỉ ${input.email}.`,
    },
    { p: 'Hãy tự đặt mật khẩu của mình bằng liên kết dưới đây (không ai gửi mật khẩu qua thư):' },
    { action: 'Đặt mật khẩu và bắt đầu', url: input.setPasswordUrl },
    {
      p: `Liên kết dùng được một lần, đến ${formatVietnamDateTime(input.expiresAt)}. Hết hạn thì chọn "Quên mật khẩu" ở trang đăng nhập.`,
    },
  ]);
}
