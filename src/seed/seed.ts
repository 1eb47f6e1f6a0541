import type { DefaultDocumentIDType, Payload, Where } from 'payload';

import type { Role } from '../domain/vocabulary';
import {
  demoArticles,
  demoImages,
  demoModelStories,
  demoTeachingResources,
  demoTopics,
  DISTRICT_OFFICE,
  SCHOOL_NAME,
} from './demo-content';
import { slugify } from '../domain/slug';
import { readDemoFile } from './demo-files';
import { seedDistrict } from './district-seed';
import { makeImage } from './images';
import { toLexical, uploadNode } from './lexical';
import { type SeededAccount, seeding } from './seeder';

/**
 * Fills an empty (or partly filled) database with the demo column: the demo
 * school, then the two smaller schools of its district and the district's
 * officer (district-seed.ts). Every item is looked up by a natural key first
 * (email, slug, title), so running it twice adds nothing twice. Dates carry
 * the demo's history: an imported item's first publication is its
 * publication date.
 */

export type SeedResult = {
  created: Record<string, number>;
  /** Passwords of the demo accounts created in this run (dev only; printed once). */
  accounts: SeededAccount[];
};

/** The demo school's slug (its column keeps the first school's address, /binh-dang-gioi/). */
export const DEMO_SCHOOL_SLUG = slugify(SCHOOL_NAME);

const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'quantri@nguyendu.edu.vn', name: 'Nguyễn Thị Quản Trị', role: 'admin' },
  { email: 'bientap@nguyendu.edu.vn', name: 'Trần Văn Biên Tập', role: 'editor' },
  { email: 'congtacvien@nguyendu.edu.vn', name: 'Lê Thị Cộng Tác', role: 'contributor' },
];

export async function isEmptyDatabase(payload: Payload): Promise<boolean> {
  const [users, articles] = await Promise.all([
    payload.count({ collection: 'users' }),
    payload.count({ collection: 'articles' }),
  ]);
  return users.totalDocs === 0 && articles.totalDocs === 0;
}

export async function seedDemoContent(
  payload: Payload,
  log: (line: string) => void = () => {},
  options: { now?: Date } = {},
): Promise<SeedResult> {
  const seed = seeding(payload);
  const { ensure, context } = seed;

  // The demo school first: on an empty install it is the first school, at the classic address.
  const school = await ensure('schools', { slug: { equals: DEMO_SCHOOL_SLUG } }, () =>
    payload.create({
      collection: 'schools',
      data: {
        name: SCHOOL_NAME,
        slug: DEMO_SCHOOL_SLUG,
        district: DISTRICT_OFFICE,
        columnTitle: 'Bình đẳng giới',
        reportingStartQuarter: '2022-Q1',
        minimumItemsPerQuarter: 1,
        countedCollections: ['articles'],
      },
      context,
    }),
  );

  const users: Partial<Record<Role, DefaultDocumentIDType>> = {};
  for (const { role, ...account } of DEMO_ACCOUNTS) {
    users[role] = await seed.account({
      ...account,
      role,
      school: school.id,
      place: SCHOOL_NAME,
      // The school's admin also runs the platform, as on any single-school install.
      ...(role === 'admin' ? { platformRole: 'platform-admin' as const } : {}),
    });
  }
  const authors = [users.editor!];
  const mine = { school: school.id };
  const inSchool = (where: Where): Where => ({ and: [where, { school: { equals: school.id } }] });

  const topicIds = new Map<string, DefaultDocumentIDType>();
  for (const topic of demoTopics) {
    const doc = await ensure('topics', inSchool({ title: { equals: topic.title } }), () =>
      payload.create({ collection: 'topics', data: { ...mine, title: topic.title }, context }),
    );
    topicIds.set(topic.title, doc.id);
  }

  const imageIds: DefaultDocumentIDType[] = [];
  for (const image of demoImages) {
    const doc = await ensure('media', inSchool({ alt: { equals: image.alt } }), async () => {
      const data = await makeImage({ palette: image.palette });
      return payload.create({
        collection: 'media',
        data: { ...mine, alt: image.alt },
        file: { data, name: image.filename, mimetype: 'image/jpeg', size: data.length },
        context,
      });
    });
    imageIds.push(doc.id);
  }
  log(`Ảnh: ${imageIds.length}`);

  for (const [i, article] of demoArticles.entries()) {
    const cover = imageIds[i % imageIds.length]!;
    await ensure('articles', inSchool({ title: { equals: article.title } }), () =>
      payload.create({
        collection: 'articles',
        data: {
          ...mine,
          title: article.title,
          excerpt: article.excerpt,
          cover,
          body: toLexical(article.paragraphs, i % 4 === 0 ? { afterFirst: uploadNode(cover) } : {}),
          audiences: article.audiences,
          topics: article.topics.map((t) => topicIds.get(t)!).filter(Boolean),
          campaign: article.campaign,
          countsTowardColumn: article.countsTowardColumn ?? true,
          authors,
          publishedAt: article.publishedAt,
          ...(article.draft ? {} : { firstPublishedAt: article.publishedAt }),
          _status: article.draft ? 'draft' : 'published',
        },
        draft: Boolean(article.draft),
        context,
      }),
    );
  }
  log(`Bài viết: ${demoArticles.length}`);

  for (const [i, story] of demoModelStories.entries()) {
    await ensure('model-stories', inSchool({ title: { equals: story.title } }), () =>
      payload.create({
        collection: 'model-stories',
        data: {
          ...mine,
          title: story.title,
          kind: story.kind,
          subjectName: story.subjectName,
          unit: story.unit,
          recognition: story.recognition,
          year: story.year,
          summary: story.summary,
          body: toLexical(story.paragraphs),
          photos: [imageIds[(i + 2) % imageIds.length]!],
          publishedAt: story.publishedAt,
          firstPublishedAt: story.publishedAt,
          _status: 'published',
        },
        context,
      }),
    );
  }
  log(`Gương điển hình: ${demoModelStories.length}`);

  for (const resource of demoTeachingResources) {
    await ensure('teaching-resources', inSchool({ title: { equals: resource.title } }), async () => {
      const files: DefaultDocumentIDType[] = [];
      if (resource.file) {
        const { filename } = resource.file;
        const doc = await ensure('documents', inSchool({ filename: { equals: filename } }), async () => {
          const data = await readDemoFile(filename);
          return payload.create({
            collection: 'documents',
            data: { ...mine, title: resource.title },
            file: { data, name: filename, mimetype: 'application/octet-stream', size: data.length },
            context,
          });
        });
        files.push(doc.id);
      }
      return payload.create({
        collection: 'teaching-resources',
        data: {
          ...mine,
          title: resource.title,
          summary: resource.summary,
          subject: resource.subject,
          grades: resource.grades,
          kind: resource.kind,
          files,
          videoUrl: resource.videoUrl,
          durationMinutes: resource.durationMinutes,
          learningGoals: resource.learningGoals.map((goal) => ({ goal })),
          license: resource.license,
          publishedAt: resource.publishedAt,
          firstPublishedAt: resource.publishedAt,
          _status: 'published',
        },
        context,
      });
    });
  }
  log(`Tài liệu dạy học: ${demoTeachingResources.length}`);

  await seedDistrict(seed, options.now ?? new Date(), log);
  return { created: seed.created, accounts: seed.accounts };
}
