import type { Endpoint } from 'payload';

import { hasRole } from '../access/roles';
import { requestSiteRebuild } from './request';

/** POST /api/globals/site-build-status/rebuild: "Dựng lại ngay", for editors and admins. */
export const rebuildNowEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) {
      return Response.json(
        { message: 'Chỉ biên tập viên và quản trị viên được yêu cầu dựng lại trang.' },
        { status: 403 },
      );
    }
    const result = await requestSiteRebuild(req.payload, {
      reason: `yêu cầu của ${req.user?.email ?? 'biên tập viên'}`,
      req,
    });
    return Response.json({ message: 'Đã xếp lịch dựng lại trang.', result }, { status: 202 });
  },
};
