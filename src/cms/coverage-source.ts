import type { Payload } from 'payload';

import type { CoverageInput, CoverageItem } from '../domain/coverage';
import { itemPath, withBase } from '../domain/site-paths';
import { COLUMN_COLLECTIONS } from '../domain/vocabulary';
import { settings as appSettings } from '../settings';

/**
 * Reads what the coverage rule needs from the CMS (either database): the
 * policy and school from column settings, and every item of the collections
 * that can count, drafts included (the rule itself decides what counts).
 */
export async function coverageInputFromCms(
  payload: Payload,
  options: { now?: Date; siteBase?: string } = {},
): Promise<CoverageInput> {
  const settings = await payload.findGlobal({ slug: 'column-settings', depth: 0 });
  const siteBase = options.siteBase ?? appSettings().SITE_BASE;
  const items: CoverageItem[] = [];
  for (const { value: collection } of COLUMN_COLLECTIONS) {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      pagination: false,
      select: {
        title: true,
        slug: true,
        _status: true,
        publishedAt: true,
        firstPublishedAt: true,
        countsTowardColumn: true,
      },
    });
    for (const doc of docs) {
      const path = itemPath(collection, doc.slug ?? '');
      items.push({
        id: doc.id,
        collection,
        title: doc.title ?? '',
        status: doc._status ?? 'draft',
        publishedAt: doc.publishedAt ?? null,
        firstPublishedAt: doc.firstPublishedAt ?? null,
        countsTowardColumn: doc.countsTowardColumn === true,
        url: path ? withBase(siteBase, path) : null,
      });
    }
  }
  return {
    policy: {
      start: settings.reportingStartQuarter ?? '2022-Q1',
      minPerQuarter: settings.minimumItemsPerQuarter ?? 1,
      countedCollections: settings.countedCollections ?? ['articles'],
    },
    now: options.now ?? new Date(),
    items,
    school: { name: settings.schoolName ?? '', district: settings.district ?? '' },
  };
}
