/**
 * The evidence page's body, apart from the admin's frame (EvidenceView.tsx),
 * so that it renders on its own (tests/unit/evidence-page.test.ts): the print
 * button and the downloads, every school's summary, then one school per
 * printed page.
 */
import {
  closedAtText,
  EVIDENCE_LABELS,
  type EvidenceEntry,
  type EvidenceItem,
  type EvidenceQuarter,
  evidenceTitle,
  hashCheckText,
  isEvidenceFailure,
  printedAtText,
} from '../../domain/evidence';
import { quarterLabel } from '../../domain/quarters';
import { formatVietnamDate } from '../../domain/vietnam-time';
import { EVIDENCE_CSS, PRINT_LABEL } from './evidence-print';
import { PrintButton } from './PrintButton';

/** What the page shows: the evidence data-side (see evidence-data.ts's result). */
export type EvidencePageData = { all: boolean; year: number; generatedAt: Date; entries: EvidenceEntry[] };

/** `admin`, `api`: the admin's and the REST API's routes; `xlsxPath`: the workbook's endpoint. */
export function EvidencePage({
  result,
  admin,
  api,
  xlsxPath,
}: {
  result: EvidencePageData;
  admin: string;
  api: string;
  xlsxPath: string;
}) {
  const query = new URLSearchParams({ year: String(result.year) });
  if (!result.all) query.set('school', result.entries[0]!.school.slug);
  return (
    <>
      <style>{EVIDENCE_CSS}</style>
      <div data-evidence>
        <p
          data-noprint
          style={{ margin: '24px 0 8px', display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'center' }}
        >
          <PrintButton label={PRINT_LABEL} />
          <a href={`${api}${xlsxPath}?${query.toString()}`} download>
            Tải bảng tính Excel (.xlsx)
          </a>
          <YearLinks result={result} admin={admin} />
        </p>
        {result.all ? <Summary result={result} /> : null}
        {result.entries.map((entry) => (
          <SchoolSection key={entry.school.slug} entry={entry} printedAt={result.generatedAt} />
        ))}
      </div>
    </>
  );
}

function YearLinks({ result, admin }: { result: EvidencePageData; admin: string }) {
  const at = (year: number) =>
    result.all
      ? `${admin}/district/evidence?year=${year}`
      : `${admin}/district/evidence/${encodeURIComponent(result.entries[0]!.school.slug)}/${year}`;
  return (
    <span>
      <a href={at(result.year - 1)}>← Năm {result.year - 1}</a> ·{' '}
      <a href={at(result.year + 1)}>Năm {result.year + 1} →</a>
      {result.all ? null : (
        <>
          {' '}
          · <a href={`${admin}/district/evidence?year=${result.year}`}>{EVIDENCE_LABELS.allSchools}</a>
        </>
      )}
    </span>
  );
}

/** Every school's year on one page: a row per school, a column per quarter. */
function Summary({ result }: { result: EvidencePageData }) {
  const quarters = [1, 2, 3, 4].map((n) => `${result.year}-Q${n}`);
  return (
    <section className="evidence-page" data-evidence-summary>
      <header>
        <h1 style={{ margin: '8px 0 4px' }}>{evidenceTitle(result.year)}</h1>
        <p style={{ margin: 0 }}>
          {EVIDENCE_LABELS.allSchools} · {printedAtText(result.generatedAt)}
        </p>
      </header>
      <table className="evidence-table">
        <thead>
          <tr>
            <th scope="col">{EVIDENCE_LABELS.school}</th>
            {quarters.map((q) => (
              <th key={q} scope="col">
                {quarterLabel(q)}
              </th>
            ))}
            <th scope="col">{EVIDENCE_LABELS.summary}</th>
          </tr>
        </thead>
        <tbody>
          {result.entries.map((entry) => (
            <tr key={entry.school.slug} data-school={entry.school.slug}>
              <th scope="row">{entry.school.name}</th>
              {quarters.map((q) => {
                const found = isEvidenceFailure(entry) ? undefined : entry.quarters.find((x) => x.quarter === q);
                return (
                  <td key={q}>{isEvidenceFailure(entry) ? '—' : (found?.statusText ?? EVIDENCE_LABELS.notTracked)}</td>
                );
              })}
              <td>{isEvidenceFailure(entry) ? entry.error : entry.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SchoolSection({ entry, printedAt }: { entry: EvidenceEntry; printedAt: Date }) {
  const { school } = entry;
  return (
    <section className="evidence-page" data-evidence-school={school.slug} aria-labelledby={`evidence-${school.slug}`}>
      <header>
        <h1 id={`evidence-${school.slug}`} style={{ margin: '8px 0 4px' }}>
          {evidenceTitle(entry.year)}
        </h1>
        <p style={{ margin: 0, fontSize: '1.15em', fontWeight: 600 }} data-evidence-school-name>
          {[school.name, school.district].filter(Boolean).join(' – ')}
        </p>
        <p style={{ margin: 0 }}>
          {EVIDENCE_LABELS.columnAddress}: {school.address}
        </p>
        <p style={{ margin: 0 }} data-printed-at>
          {printedAtText(printedAt)}
        </p>
      </header>
      {isEvidenceFailure(entry) ? (
        <p role="alert">{entry.error}</p>
      ) : (
        <>
          <p style={{ fontWeight: 600, margin: '8px 0' }} data-evidence-summary-line>
            {EVIDENCE_LABELS.summary}: {entry.summary}
          </p>
          {entry.quarters.length ? <QuarterTable quarters={entry.quarters} min={entry.minPerQuarter} /> : null}
          <p style={{ fontSize: '0.9em' }}>{EVIDENCE_LABELS.hashRule}</p>
        </>
      )}
    </section>
  );
}

function QuarterTable({ quarters, min }: { quarters: EvidenceQuarter[]; min: number }) {
  return (
    <table className="evidence-table" data-evidence-quarters>
      <thead>
        <tr>
          <th scope="col">{EVIDENCE_LABELS.quarter}</th>
          <th scope="col">{EVIDENCE_LABELS.status}</th>
          <th scope="col">Bài được tính (tối thiểu {min})</th>
          <th scope="col">Bài đăng muộn (không tính)</th>
          <th scope="col">Biên bản đã chốt</th>
        </tr>
      </thead>
      <tbody>
        {quarters.map((q) => (
          <tr key={q.quarter} data-quarter={q.quarter} data-phase={q.phase} data-status={q.status ?? 'future'}>
            <th scope="row">{q.label}</th>
            <td>
              {q.statusText}
              {q.notes.map((note) => (
                <small key={note} className="evidence-note" role="note">
                  ⚠ {note}
                </small>
              ))}
            </td>
            <td>{q.phase === 'future' ? '—' : <Items items={q.items} empty={EVIDENCE_LABELS.noItems} />}</td>
            <td>{q.phase === 'future' ? '—' : <Items items={q.lateItems} empty={EVIDENCE_LABELS.noLateItems} />}</td>
            <td>
              {q.record ? (
                <>
                  {EVIDENCE_LABELS.closedAt} {closedAtText(q.record.closedAt)}
                  <code className="evidence-hash" style={{ display: 'block' }} data-hash>
                    {q.record.hash}
                  </code>
                  <span data-verified={q.record.verified}>
                    {EVIDENCE_LABELS.verified}: {hashCheckText(q.record.verified)}
                  </span>
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Items({ items, empty }: { items: EvidenceItem[]; empty: string }) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul>
      {items.map((item, i) => (
        <li key={`${i}-${item.address ?? item.title}`}>
          {item.title} — {EVIDENCE_LABELS.firstPublished.toLowerCase()} {formatVietnamDate(item.firstPublishedAt)}
          {item.address ? (
            <a className="evidence-address" href={item.address}>
              {item.address}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
