import type { AdminViewServerProps } from 'payload';

import type { ReportedItem } from '../../domain/coverage';
import { STATUS_LABELS } from '../../domain/coverage-format';
import { cellText, DISTRICT_LABELS, ORIGIN_LABELS } from '../../domain/district';
import { ALL_YEARS, publicHref, shortfallText } from '../../domain/district-view';
import { isQuarterId, parseQuarterId, quarterLabel } from '../../domain/quarters';
import { formatVietnamDate } from '../../domain/vietnam-time';
import { renderMessage } from '../../messages/catalogue';
import { schoolQuarter, type SchoolQuarter } from './dashboard-data';
import { RECORD_DIFFERS_TEXT } from './DistrictDashboardView';
import { DistrictFrame, districtGate } from './DistrictFrame';

/** `/admin/district/<school>/<YYYY-Qn>` → its two segments. */
function segmentsOf(params: AdminViewServerProps['params']): { key: string; quarter: string } {
  const segments = Array.isArray(params?.segments) ? params.segments : [];
  const at = segments.indexOf('district');
  return { key: decodeURIComponent(segments[at + 1] ?? ''), quarter: segments[at + 2] ?? '' };
}

/** Back to the dashboard as it was left (the cell's link carries the filter), else to the quarter's year. */
function backQuery(searchParams: AdminViewServerProps['searchParams'], quarter: string): string {
  const params = new URLSearchParams();
  const year = searchParams?.year;
  params.set(
    'year',
    typeof year === 'string' ? year : isQuarterId(quarter) ? String(parseQuarterId(quarter).year) : ALL_YEARS,
  );
  if (searchParams?.onlyMissed === '1') params.set('onlyMissed', '1');
  return `?${params.toString()}`;
}

/** One school's quarter: what counted, what came late, and what is missing. Published items only: the rule counts nothing else. */
export async function DistrictQuarterView(props: AdminViewServerProps) {
  const admin = props.initPageResult.req.payload.config.routes.admin;
  const { key, quarter } = segmentsOf(props.params);
  const refused = districtGate(props, `${admin}/district/${encodeURIComponent(key)}/${quarter}`);
  if (refused) return refused;
  const { req } = props.initPageResult;
  const found = await schoolQuarter(req.payload, { user: req.user, key, quarter });
  const back = (
    <p style={{ margin: '24px 0 8px' }}>
      <a href={`${admin}/district${backQuery(props.searchParams, quarter)}`}>← Bảng tổng hợp các trường</a>
    </p>
  );
  if (!found) {
    const message = renderMessage('DistrictSchoolQuarterNotFound', { school: key, quarter });
    return (
      <DistrictFrame view={props}>
        {back}
        <section role="alert">
          <h1>{message.title}</h1>
          <p>{message.message}</p>
          <p>{message.hint}</p>
        </section>
      </DistrictFrame>
    );
  }
  const evidence =
    found.source.origin === 'hosted' && found.source.key && isQuarterId(quarter)
      ? `${admin}/district/evidence/${encodeURIComponent(found.source.key)}/${parseQuarterId(quarter).year}`
      : null;
  return (
    <DistrictFrame view={props}>
      {back}
      <Detail found={found} />
      {evidence ? (
        <p style={{ marginTop: 16 }}>
          <a href={evidence} data-evidence-link>
            Minh chứng báo cáo năm {parseQuarterId(quarter).year} của trường (trang in, bảng tính Excel)
          </a>
        </p>
      ) : null}
    </DistrictFrame>
  );
}

function Detail({ found }: { found: SchoolQuarter }) {
  const { row, source, report, quarter, cell } = found;
  const name = row.school || source.name || DISTRICT_LABELS.unnamed;
  return (
    <article aria-labelledby="district-quarter-heading">
      <h1 id="district-quarter-heading" style={{ marginBottom: 4 }}>
        {name} — {quarterLabel(quarter)}
      </h1>
      <p style={{ margin: '0 0 16px' }}>
        {row.district ? `${row.district} · ` : ''}
        {DISTRICT_LABELS.origin}: {ORIGIN_LABELS[row.origin]}
      </p>
      {row.error ? (
        <p role="alert">
          {DISTRICT_LABELS.unreadable}: {row.error}
        </p>
      ) : null}
      {found.recordDiffers ? (
        <p role="note">⚠ Quý đã chốt: {RECORD_DIFFERS_TEXT} (số liệu hôm nay cho kết quả khác).</p>
      ) : null}
      {report ? (
        <QuarterItems found={found} />
      ) : (
        <p>
          {cellText(cell)}
          {cell.kind === 'not-tracked' && 'report' in source
            ? ` — trường theo dõi từ ${quarterLabel(source.report.policy.start)}.`
            : '.'}
        </p>
      )}
    </article>
  );
}

function QuarterItems({ found }: { found: SchoolQuarter }) {
  const q = found.report!;
  const min = found.minPerQuarter ?? 1;
  const missing = shortfallText({ status: q.status, count: q.count, daysLeft: q.daysLeft, min });
  return (
    <>
      <p style={{ fontSize: '1.1rem', margin: '0 0 8px' }} data-status={q.status}>
        <strong>{STATUS_LABELS[q.status]}</strong>: {q.count}/{min} bài được tính ({formatVietnamDate(q.start)} –{' '}
        {formatVietnamDate(q.end)}).
      </p>
      {missing ? (
        <p role="note" data-missing>
          {missing}
        </p>
      ) : null}
      <h2 style={{ marginTop: 16 }}>Bài được tính ({q.items.length})</h2>
      <ItemList items={q.items} base={found.row.source} empty="Không có bài nào được tính trong quý này." />
      <h2 style={{ marginTop: 16 }}>Bài đăng muộn, không được tính ({q.lateItems.length})</h2>
      <p style={{ margin: '0 0 8px' }}>
        Ngày đăng nằm trong quý nhưng bài chỉ được xuất bản lần đầu sau khi quý kết thúc.
      </p>
      <ItemList items={q.lateItems} base={found.row.source} empty="Không có bài đăng muộn." late />
    </>
  );
}

function ItemList({
  items,
  base,
  empty,
  late,
}: {
  items: ReportedItem[];
  base: string;
  empty: string;
  late?: boolean;
}) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul data-items={late ? 'late' : 'counted'}>
      {items.map((item) => {
        const href = publicHref(item.url, base);
        return (
          <li key={`${item.collection}/${item.id}`}>
            {href ? <a href={href}>{item.title}</a> : item.title} — ngày đăng {formatVietnamDate(item.publishedAt)},
            xuất bản lần đầu {formatVietnamDate(item.firstPublishedAt)}
          </li>
        );
      })}
    </ul>
  );
}
