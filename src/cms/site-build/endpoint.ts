import type { Endpoint } from 'payload';

import { may } from '../../domain/school-access';
import { renderMessage } from '../../messages/catalogue';
import { actorOf } from '../access/actor';
import { requestSiteRebuild } from './request';

/**
 * POST /api/site-builds/rebuild?school=<slug>: "Dựng lại ngay", for a
 * school's editors and admins (and platform admins). Without `school`, the
 * one school the person works in (or the install's only school).
 */
export const rebuildNowEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: async (req) => {
    const actor = actorOf(req.user);
    const slug = typeof req.query?.school === 'string' ? req.query.school : undefined;
    const memberships = actor?.memberships ?? [];
    let schoolId = slug === undefined && memberships.length === 1 ? memberships[0]!.school : undefined;
    if (slug !== undefined) {
      const { docs } = await req.payload.find({
        collection: 'schools',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 0,
        req,
      });
      if (!docs[0]) return Response.json({ message: renderMessage('SchoolNotFound', { slug }).text }, { status: 404 });
      schoolId = docs[0].id;
    }
    if (schoolId === undefined && slug === undefined) {
      // A single-school install's platform admin has nothing to choose.
      const { docs, totalDocs } = await req.payload.find({ collection: 'schools', limit: 1, depth: 0, req });
      if (totalDocs === 1) schoolId = docs[0]!.id;
    }
    if (schoolId === undefined || !may(actor, 'rebuild', schoolId)) {
      return Response.json({ message: renderMessage('RebuildNotAllowed').text }, { status: 403 });
    }
    const result = await requestSiteRebuild(req.payload, {
      school: schoolId,
      reason: `yêu cầu của ${req.user?.email ?? 'biên tập viên'}`,
      req,
    });
    return Response.json({ message: renderMessage('RebuildQueued').text, result }, { status: 202 });
  },
};
