import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import { redirect } from 'next/navigation';
import type { AdminViewServerProps } from 'payload';
import type { ReactNode } from 'react';

import { renderMessage } from '../../messages/catalogue';
import { dashboardRefusal } from './dashboard-data';

/** The admin's frame (navigation, header) around a district page; Payload gives a custom root view none of its own. */
export function DistrictFrame({ view, children }: { view: AdminViewServerProps; children: ReactNode }) {
  const { initPageResult, params, searchParams } = view;
  const { req } = initPageResult;
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  );
}

/**
 * The district pages' gate. Payload lets anyone reach a custom view, so each
 * page asks here first: an anonymous visitor goes to the login (and back
 * here after it); a signed-in account the table does not allow reads why,
 * and nothing of the schools' data is read for it.
 */
export function districtGate(view: AdminViewServerProps, path: string): ReactNode | null {
  const { req } = view.initPageResult;
  const refusal = dashboardRefusal(req.user);
  if (refusal === null) return null;
  const admin = req.payload.config.routes.admin;
  if (refusal === 'DistrictDashboardSignIn') redirect(`${admin}/login?redirect=${encodeURIComponent(path)}`);
  const message = renderMessage(refusal);
  return (
    <DistrictFrame view={view}>
      <section role="alert" data-refusal={refusal} style={{ margin: '24px 0' }}>
        <h1>{message.title}</h1>
        <p>{message.message}</p>
        {message.hint ? <p>{message.hint}</p> : null}
      </section>
    </DistrictFrame>
  );
}
