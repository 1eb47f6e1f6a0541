import type { ServerProps } from 'payload';

import { currentQuarter, quarterNeedingReminder } from '../../domain/coverage';
import { STATUS_LABELS } from '../../domain/coverage-format';
import { quarterOf } from '../../domain/quarters';
import { may } from '../../domain/school-access';
import { formatVietnamDate } from '../../domain/vietnam-time';
import { renderMessage } from '../../messages/catalogue';
import { actorOf } from '../access/actor';
import { coverageForAdmin } from './coverage-data';
import { ReminderBanner } from './CoverageReminder';

const STATUS_COLORS = { covered: '#15803d', missed: '#b91c1c', 'in-progress': '#b45309' } as const;

/** Dashboard panel: the current quarter and the last eight, from the same rule the district sees. */
export async function CoveragePanel({ payload, user }: ServerProps) {
  const result = await coverageForAdmin(payload, user);
  if ('error' in result) {
    const failed = renderMessage('CoverageReportFailed', { reason: result.error });
    return (
      <section role="alert" style={{ marginBottom: 24 }}>
        <h2>Duy trì chuyên mục theo quý</h2>
        <p>{failed.message}</p>
        <p>{failed.hint}</p>
      </section>
    );
  }
  const { report, school } = result;
  const current = currentQuarter(report);
  // The school's admins send the year's evidence with their annual report (docs/ACCESS.md).
  const evidenceYear = quarterOf(new Date(report.generatedAt)).year;
  const evidence = may(actorOf(user ?? null), 'read-evidence', school.id)
    ? `${payload.config.routes.admin}/district/evidence/${encodeURIComponent(school.slug)}/${evidenceYear}`
    : null;
  const reminder = quarterNeedingReminder(report);
  const recent = report.quarters.slice(-8).reverse();
  return (
    <section aria-labelledby="coverage-heading" style={{ marginBottom: 32 }}>
      <h2 id="coverage-heading" style={{ marginBottom: 8 }}>
        Duy trì chuyên mục theo quý
      </h2>
      {reminder ? (
        <ReminderBanner
          label={reminder.label}
          daysLeft={reminder.daysLeft}
          count={reminder.count}
          min={report.policy.minPerQuarter}
        />
      ) : null}
      <p style={{ fontSize: '1.1rem', margin: '0 0 12px' }}>
        <strong>{current.label}:</strong>{' '}
        <span style={{ color: STATUS_COLORS[current.status], fontWeight: 600 }}>
          {current.status === 'covered' ? 'đã đạt' : 'chưa đạt'}
        </span>{' '}
        ({current.count}/{report.policy.minPerQuarter} bài) — còn {current.daysLeft} ngày.
        {report.summary.missed > 0
          ? ` Đã bỏ lỡ ${report.summary.missed} quý từ ${report.policy.start}.`
          : ` Chưa bỏ lỡ quý nào từ ${report.policy.start}.`}
      </p>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <caption style={{ textAlign: 'left', marginBottom: 4 }}>8 quý gần nhất</caption>
        <thead>
          <tr>
            {['Quý', 'Trạng thái', 'Số bài', 'Đăng muộn', 'Bài mới nhất'].map((h) => (
              <th
                key={h}
                scope="col"
                style={{ textAlign: 'left', borderBottom: '1px solid var(--theme-elevation-150)', padding: '4px 8px' }}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {recent.map((q) => {
            const last = q.items[q.items.length - 1];
            return (
              <tr key={q.quarter}>
                <th scope="row" style={{ textAlign: 'left', padding: '4px 8px', fontWeight: 500 }}>
                  {q.label}
                </th>
                <td style={{ padding: '4px 8px', color: STATUS_COLORS[q.status], fontWeight: 600 }}>
                  {STATUS_LABELS[q.status]}
                </td>
                <td style={{ padding: '4px 8px' }}>{q.count}</td>
                <td style={{ padding: '4px 8px' }}>{q.late || ''}</td>
                <td style={{ padding: '4px 8px' }}>
                  {last ? `${last.title} (${formatVietnamDate(last.publishedAt)})` : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {evidence ? (
        <p style={{ marginTop: 12 }}>
          <a href={evidence} data-evidence-link>
            Minh chứng báo cáo năm {evidenceYear} (trang in, bảng tính Excel)
          </a>
        </p>
      ) : null}
    </section>
  );
}
