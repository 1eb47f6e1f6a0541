import type { Endpoint } from 'payload';

import { renderMessage } from '../../messages/catalogue';
import { hasRole } from '../access/roles';
import { requestSiteRebuild } from './request';

/** POST /api/globals/site-build-status/rebuild: "Dựng lại ngay", for editors and admins. */
export const rebuildNowEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) {
      return Response.json({ message: renderMessage('RebuildNotAllowed').text }, { status: 403 });
    }
    const result = await requestSiteRebuild(req.payload, {
      reason: `yêu cầu của ${req.user?.email ?? 'biên tập viên'}`,
      req,
    });
    return Response.json({ message: renderMessage('RebuildQueued').text, result }, { status: 202 });
  },
};
