import type { Payload } from 'payload';

import type { CoverageInput, CoverageItem } from '../domain/coverage';
import { itemPath, withBase } from '../domain/site-paths';
import { COLUMN_COLLECTIONS } from '../domain/vocabulary';
import { ColumnError } from '../messages/column-error';
import type { School } from '../payload-types';

/** A school by slug, or the install's first school (a single-school install has only that one). */
export async function findSchool(payload: Payload, slug?: string): Promise<School> {
  const { docs } = await payload.find({
    collection: 'schools',
    where: slug ? { slug: { equals: slug } } : {},
    sort: 'id',
    limit: 1,
    depth: 0,
  });
  if (!docs[0]) throw new ColumnError('SchoolNotFound', { slug: slug ?? '' });
  return docs[0];
}

/**
 * Reads what the coverage rule needs from the CMS (either database) for one
 * school: its policy, and every item of the collections that can count,
 * drafts included (the rule itself decides what counts).
 */
export async function coverageInputFromCms(
  payload: Payload,
  options: { now?: Date; school?: string | School } = {},
): Promise<CoverageInput> {
  const school = typeof options.school === 'object' ? options.school : await findSchool(payload, options.school);
  const items: CoverageItem[] = [];
  for (const { value: collection } of COLUMN_COLLECTIONS) {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      pagination: false,
      where: { school: { equals: school.id } },
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
        url: path ? withBase(school.basePath ?? '/', path) : null,
      });
    }
  }
  return {
    policy: {
      start: school.reportingStartQuarter,
      minPerQuarter: school.minimumItemsPerQuarter,
      countedCollections: school.countedCollections ?? ['articles'],
    },
    now: options.now ?? new Date(),
    items,
    school: { name: school.name, district: school.district ?? '' },
  };
}
