import type { ServerProps } from 'payload';

import { dashboardRefusal } from './dashboard-data';

export const DISTRICT_NAV_LABEL = 'Tổng hợp các trường';

/** The navigation's link to the district dashboard, for the accounts that may open it (district officers, platform admins). */
export function DistrictNavLink({ payload, user }: ServerProps) {
  if (dashboardRefusal(user) !== null) return null;
  return (
    <a className="nav__link" id="nav-district" href={`${payload.config.routes.admin}/district`}>
      <span className="nav__link-label">{DISTRICT_NAV_LABEL}</span>
    </a>
  );
}
