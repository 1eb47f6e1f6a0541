import { redirect } from 'next/navigation';
import type { AdminViewServerProps } from 'payload';

import { DistrictFrame } from './DistrictFrame';
import { EVIDENCE_XLSX_PATH } from './evidence-endpoint';
import { districtEvidence, refusalMessage } from './evidence-data';
import { EvidencePage } from './EvidencePage';

/** `/admin/district/evidence/<school>/<year>` → its segments; `/admin/district/evidence?year=` → every school. */
function requestOf(props: AdminViewServerProps): { school: string | null; year: unknown } {
  const segments = Array.isArray(props.params?.segments) ? props.params.segments : [];
  const at = segments.indexOf('evidence');
  const school = segments[at + 1];
  if (at >= 0 && school !== undefined) return { school: decodeURIComponent(school), year: segments[at + 2] };
  const year = props.searchParams?.year;
  return { school: null, year: Array.isArray(year) ? year[0] : year };
}

/** The printable evidence of one school, or of every school at once, for the annual report. */
export async function EvidenceView(props: AdminViewServerProps) {
  const { req } = props.initPageResult;
  const admin = req.payload.config.routes.admin;
  const api = req.payload.config.routes.api;
  const request = requestOf(props);
  const result = await districtEvidence(req.payload, { user: req.user, request });
  if (!result.ok) {
    if (result.code === 'EvidenceSignIn') {
      const here =
        request.school === null
          ? `${admin}/district/evidence${typeof request.year === 'string' ? `?year=${encodeURIComponent(request.year)}` : ''}`
          : `${admin}/district/evidence/${encodeURIComponent(request.school)}/${encodeURIComponent(String(request.year ?? ''))}`;
      redirect(`${admin}/login?redirect=${encodeURIComponent(here)}`);
    }
    const message = refusalMessage(result);
    return (
      <DistrictFrame view={props}>
        <section role="alert" data-refusal={result.code} style={{ margin: '24px 0' }}>
          <h1>{message.title}</h1>
          <p>{message.message}</p>
          {message.hint ? <p>{message.hint}</p> : null}
        </section>
      </DistrictFrame>
    );
  }
  return (
    <DistrictFrame view={props}>
      <EvidencePage result={result} admin={admin} api={api} xlsxPath={EVIDENCE_XLSX_PATH} />
    </DistrictFrame>
  );
}
