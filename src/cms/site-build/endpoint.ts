import type { Endpoint } from 'payload';

import { renderMessage } from '../../messages/catalogue';
import { mayAnywhere } from '../access/actor';
import { requestSiteRebuild } from './request';

/** POST /api/globals/site-build-status/rebuild: "Dựng lại ngay", for editors and admins. */
export const rebuildNowEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: async (req) => {
    if (!mayAnywhere(req, 'rebuild')) {
      return Response.json({ message: renderMessage('RebuildNotAllowed').text }, { status: 403 });
    }
    const result = await requestSiteRebuild(req.payload, {
      reason: `yêu cầu của ${req.user?.email ?? 'biên tập viên'}`,
      req,
    });
    return Response.json({ message: renderMessage('RebuildQueued').text, result }, { status: 202 });
  },
};
