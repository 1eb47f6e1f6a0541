/**
 * Run as a child process on an empty database (DATABASE_URI, UPLOADS_DIR):
 * makes the single-school install SOURCE describes and writes its backup to
 * the path given as the argument (see school-backup.ts).
 */
import { getPayload, type TypedUser } from 'payload';

import { createBackup } from '../../src/cms/backup/backup';
import { readDemoFile } from '../../src/seed/demo-files';
import { makeImage } from '../../src/seed/images';
import { toLexical, uploadNode } from '../../src/seed/lexical';
import { SOURCE } from './school-backup';

const [out] = process.argv.slice(2);
const config = await (await import('../../payload.config')).default;
const payload = await getPayload({ config });

const school = await payload.create({ collection: 'schools', data: SOURCE.school, depth: 0 });
const users: Record<string, TypedUser> = {};
for (const account of SOURCE.accounts) {
  // The first account of the install also becomes its platform admin (src/cms/auth/memberships.ts).
  const user = await payload.create({
    collection: 'users',
    data: {
      email: account.email,
      name: account.name,
      password: SOURCE.password,
      schools: [{ school: school.id, role: account.role }],
    },
  });
  users[account.email] = { ...user, collection: 'users' } as TypedUser;
}
const editor = users['bientap@leloi.edu.vn']!;
const contributor = users['congtac@leloi.edu.vn']!;

const topics = [];
for (const title of SOURCE.topics) topics.push(await payload.create({ collection: 'topics', data: { title } }));
const image = async (name: string, palette: [string, string], alt: string) => {
  const data = await makeImage({ palette, width: 800, height: 450 });
  return payload.create({
    collection: 'media',
    data: { alt },
    file: { data, name, mimetype: 'image/jpeg', size: data.length },
    user: editor,
  });
};
const cover = await image(
  SOURCE.coverFile,
  ['#1d3557', '#e63946'],
  'Học sinh Trường THCS Lê Lợi trong ngày hội gia đình',
);
const photo = await image(SOURCE.photoFile, ['#2a9d8f', '#e9c46a'], 'Nữ sinh câu lạc bộ STEM lắp mạch điện');
const docx = await readDemoFile('giao-an-gdcd-8-binh-dang-gioi-trong-gia-dinh.docx');
const document = await payload.create({
  collection: 'documents',
  data: { title: SOURCE.resource.title },
  file: {
    data: docx,
    name: SOURCE.documentFile,
    mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    size: docx.length,
  },
});

const { linking, linked, draft } = SOURCE.articles;
const second = await payload.create({
  collection: 'articles',
  data: {
    title: linked.title,
    excerpt: 'Cả trường hưởng ứng Tháng hành động vì bình đẳng giới.',
    body: toLexical(['Học sinh khối 8 dựng tiểu phẩm về chia sẻ việc nhà.']),
    topics: [topics[0]!.id],
    _status: 'published',
    publishedAt: '2025-11-17T02:00:00.000Z',
  },
  user: editor,
});
// A newer draft over the published article: one more version.
await payload.update({
  collection: 'articles',
  id: second.id,
  draft: true,
  data: { title: `${linked.title} (bản nháp mới)` },
  user: editor,
});
const link = {
  type: 'link',
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 3,
  fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: second.id } },
  children: [
    { type: 'text', text: 'Xem bài Tháng hành động', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
  ],
};
const body = toLexical(['Ngày 28/6, các gia đình cùng học sinh chia sẻ việc nhà.'], {
  afterFirst: uploadNode(photo.id),
});
(body.root.children as unknown[]).push({
  type: 'paragraph',
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  textFormat: 0,
  textStyle: '',
  children: [link],
});
await payload.create({
  collection: 'articles',
  data: {
    title: linking.title,
    excerpt: 'Ngày hội gia đình tại Trường THCS Lê Lợi.',
    cover: cover.id,
    body,
    topics: topics.map((t) => t.id),
    authors: [editor.id],
    _status: 'published',
    publishedAt: '2025-06-27T02:00:00.000Z',
  },
  user: editor,
});
const waiting = await payload.create({
  collection: 'articles',
  data: { title: draft.title, excerpt: 'Bản nháp của cộng tác viên.', _status: 'draft' },
  draft: true,
  user: contributor,
});
await payload.create({
  collection: 'model-stories',
  data: {
    title: SOURCE.story,
    kind: 'individual',
    subjectName: 'Cô Nguyễn Thị Lan',
    unit: 'Tổ Khoa học tự nhiên',
    photos: [photo.id],
    _status: 'published',
    publishedAt: '2025-05-22T02:00:00.000Z',
  },
  user: editor,
});
await payload.create({
  collection: 'teaching-resources',
  data: {
    title: SOURCE.resource.title,
    subject: 'gdcd',
    grades: ['8'],
    kind: 'worksheet',
    files: [document.id],
    learningGoals: SOURCE.resource.goals.map((goal) => ({ goal })),
    _status: 'published',
    publishedAt: '2025-09-10T02:00:00.000Z',
  },
  user: editor,
});
await payload.jobs.queue({
  task: 'schedulePublish',
  input: {
    type: 'publish',
    doc: { relationTo: 'articles', value: String(waiting.id) },
    user: { relationTo: 'users', value: editor.id },
  },
  waitUntil: new Date(Date.now() + 7 * 86_400_000),
} as never);
await payload.create({
  collection: 'payload-preferences',
  data: { key: 'articles-list', user: { relationTo: 'users', value: editor.id }, value: { limit: 25 } },
  user: editor,
});

await createBackup(payload, out!);
await payload.destroy();
process.exit(0);
