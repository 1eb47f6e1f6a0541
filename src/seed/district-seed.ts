import type { Where } from 'payload';

import { slugify } from '../domain/slug';
import { DISTRICT_OFFICE } from './demo-content';
import { DISTRICT_OFFICER, districtItemDate, districtSchools, districtStartQuarter } from './district-content';
import { makeImage } from './images';
import { toLexical } from './lexical';
import type { Seeding } from './seeder';

/**
 * The demo district beside the demo school: two smaller hosted schools (each
 * with its admin, editor and contributor, a topic, a cover image and a few
 * articles dated in the quarters before `now`), and the district's officer.
 */
export async function seedDistrict(seed: Seeding, now: Date, log: (line: string) => void) {
  const { payload, ensure, context } = seed;
  for (const spec of districtSchools) {
    const slug = slugify(spec.name);
    const school = await ensure('schools', { slug: { equals: slug } }, () =>
      payload.create({
        collection: 'schools',
        data: {
          name: spec.name,
          slug,
          district: DISTRICT_OFFICE,
          columnTitle: 'Bình đẳng giới',
          reportingStartQuarter: districtStartQuarter(now),
          minimumItemsPerQuarter: 1,
          countedCollections: ['articles'],
        },
        context,
      }),
    );
    const users = new Map<string, Awaited<ReturnType<Seeding['account']>>>();
    for (const account of spec.accounts)
      users.set(account.role, await seed.account({ ...account, school: school.id, place: spec.name }));
    const mine = { school: school.id };
    const inSchool = (where: Where): Where => ({ and: [where, { school: { equals: school.id } }] });

    const topic = await ensure('topics', inSchool({ title: { equals: spec.topic } }), () =>
      payload.create({ collection: 'topics', data: { ...mine, title: spec.topic }, context }),
    );
    const cover = await ensure('media', inSchool({ alt: { equals: spec.image.alt } }), async () => {
      // Smaller than the demo school's covers: the seed runs in every test of it.
      const data = await makeImage({ palette: spec.image.palette, width: 960, height: 540 });
      return payload.create({
        collection: 'media',
        data: { ...mine, alt: spec.image.alt },
        file: { data, name: spec.image.filename, mimetype: 'image/jpeg', size: data.length },
        context,
      });
    });
    for (const article of spec.articles) {
      const publishedAt = districtItemDate(now, article.quartersAgo);
      await ensure('articles', inSchool({ title: { equals: article.title } }), () =>
        payload.create({
          collection: 'articles',
          data: {
            ...mine,
            title: article.title,
            excerpt: article.excerpt,
            cover: cover.id,
            body: toLexical(article.paragraphs),
            audiences: article.audiences,
            topics: [topic.id],
            countsTowardColumn: true,
            authors: [users.get(article.draft ? 'contributor' : 'editor')!],
            publishedAt,
            ...(article.draft ? {} : { firstPublishedAt: publishedAt }),
            _status: article.draft ? 'draft' : 'published',
          },
          draft: Boolean(article.draft),
          context,
        }),
      );
    }
    log(`${spec.name}: ${spec.articles.length} bài viết`);
  }
  const { office, ...officer } = DISTRICT_OFFICER;
  await seed.account({ ...officer, role: 'district-officer', platformRole: 'district-officer', place: office });
}
