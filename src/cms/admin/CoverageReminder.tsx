import type { ServerProps } from 'payload';

import { quarterNeedingReminder } from '../../domain/coverage';
import { coverageForAdmin } from './coverage-data';

/**
 * Shown above the articles list (and inside the dashboard panel) when the
 * current quarter has too few items and 21 days or fewer are left.
 */
export async function CoverageReminder({ payload, user }: ServerProps) {
  const result = await coverageForAdmin(payload, user);
  if ('error' in result) return null;
  const quarter = quarterNeedingReminder(result.report);
  if (!quarter) return null;
  return (
    <ReminderBanner
      label={quarter.label}
      daysLeft={quarter.daysLeft}
      count={quarter.count}
      min={result.report.policy.minPerQuarter}
    />
  );
}

export function ReminderBanner(props: { label: string; daysLeft: number; count: number; min: number }) {
  return (
    <div
      role="alert"
      style={{
        border: '1px solid var(--theme-warning-500, #d97706)',
        background: 'var(--theme-warning-100, #fef3c7)',
        color: 'var(--theme-warning-900, #78350f)',
        padding: '12px 16px',
        borderRadius: 4,
        margin: '0 0 16px',
      }}
    >
      <strong>Sắp hết {props.label}: chuyên mục chưa đủ bài.</strong> Còn {props.daysLeft} ngày; đã có {props.count}/
      {props.min} bài được tính. Hãy xuất bản ít nhất {props.min - props.count} bài nữa trước khi hết quý, nếu không quý
      này sẽ bị ghi là bỏ lỡ.
    </div>
  );
}
