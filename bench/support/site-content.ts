/**
 * Generated content for the site benchmarks, in Payload's REST shape, and a
 * stand-in of Payload's REST API serving it (with the files behind media and
 * documents) on 127.0.0.1, so that only the site is measured.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { VERSION_PARAM } from '../../src/domain/file-version';
import { IMMUTABLE } from '../../src/cms/uploads/versioned-files';
import { AUDIENCES, CAMPAIGNS, GRADES, MODEL_STORY_KINDS, RESOURCE_KINDS, SUBJECTS } from '../../src/domain/vocabulary';
import { sampleDocument } from '../../src/seed/demo-files';
import { makeImage } from '../../src/seed/images';

const SENTENCES = [
  'Bình đẳng giới là việc nam và nữ có vị trí, vai trò ngang nhau, được tạo điều kiện và cơ hội phát huy năng lực của mình.',
  'Trong gia đình, cha mẹ cùng chia sẻ việc nhà là tấm gương gần gũi nhất để con học cách tôn trọng nhau.',
  'Học sinh lớp 8 thảo luận về những định kiến giới thường gặp trong sách báo, phim ảnh và mạng xã hội.',
  'Nhà trường phối hợp với Hội cha mẹ học sinh tổ chức chuyên đề phòng ngừa bạo lực học đường.',
  'Giáo viên chủ nhiệm được tập huấn cách nhận diện sớm các dấu hiệu bạo lực trên cơ sở giới.',
  'Các em được khuyến khích lựa chọn môn học, câu lạc bộ và nghề nghiệp theo sở thích chứ không theo giới tính.',
  'Đội tuyển khoa học của trường có số bạn nữ và bạn nam gần bằng nhau trong ba năm liền.',
  'Khi bị bắt nạt hay xâm hại, em hãy nói ngay với thầy cô, cha mẹ hoặc gọi Tổng đài 111.',
  'Buổi sinh hoạt dưới cờ đầu tuần có tiểu phẩm về việc chia sẻ trách nhiệm trong gia đình.',
  'Ban vì sự tiến bộ của phụ nữ đề xuất khen thưởng các cô giáo giỏi việc trường, đảm việc nhà.',
];

function lexical(words: number, seed: number) {
  const children: unknown[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const sentences = [0, 1, 2, 3].map((k) => SENTENCES[(seed + i * 3 + k) % SENTENCES.length]!).join(' ');
    count += sentences.split(' ').length;
    const text = { type: 'text', text: sentences, format: 0, detail: 0, mode: 'normal', style: '', version: 1 };
    children.push(
      i % 5 === 4
        ? {
            type: 'heading',
            tag: 'h2',
            children: [{ ...text, text: `Phần ${i / 5 + 1}: hoạt động của nhà trường` }],
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
          }
        : {
            type: 'paragraph',
            children: [text],
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            textFormat: 0,
            textStyle: '',
          },
    );
  }
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}

const TOPICS = [
  'Bình đẳng giới',
  'Gia đình',
  'Phòng chống bạo lực',
  'Giáo dục giới tính',
  'Định hướng nghề nghiệp',
  'Vì sự tiến bộ của phụ nữ',
].map((title, i) => ({
  id: i + 1,
  title,
  slug: `chu-de-${i + 1}`,
  updatedAt: '2022-01-01T00:00:00.000Z',
  createdAt: '2022-01-01T00:00:00.000Z',
}));

const STAMP = '2026-01-01T00:00:00.000Z';
const perCover = 200;

function articles(n: number) {
  const covers = Math.max(2, Math.ceil(n / perCover));
  const start = Date.parse('2022-01-05T02:00:00.000Z');
  const end = Date.now() - 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const publishedAt = new Date(start + ((end - start) * i) / Math.max(1, n - 1)).toISOString();
    return {
      id: i + 1,
      title: `Bài viết mẫu số ${i + 1}: bình đẳng giới trong gia đình và nhà trường`,
      slug: `bai-viet-mau-${i + 1}`,
      excerpt:
        'Một bài viết mẫu cho phép đo thời gian dựng trang: chia sẻ việc nhà, tôn trọng sự khác biệt, phòng ngừa bạo lực.',
      cover: 1 + (i % covers),
      body: lexical(620, i),
      audiences: [AUDIENCES[i % 3]!.value],
      topics: [TOPICS[i % TOPICS.length]!.id],
      campaign: i % 7 === 0 ? CAMPAIGNS[i % CAMPAIGNS.length]!.value : null,
      publishedAt,
      firstPublishedAt: publishedAt,
      countsTowardColumn: true,
      updatedAt: STAMP,
      createdAt: STAMP,
      _status: 'published',
    };
  });
}

/** Everything the site reads, in Payload's REST shape, with the files behind media and documents. */
export async function content(n: number) {
  const images = Math.max(2, Math.ceil(n / perCover));
  const pdfs = Math.max(1, Math.ceil(n / 200));
  const palettes: [string, string][] = [
    ['#8a1c5c', '#f0a3cf'],
    ['#1b5e7a', '#9fd3e6'],
    ['#4a6b1f', '#cfe59a'],
    ['#7a4b1b', '#f2c892'],
  ];
  const files = new Map<string, Buffer>();
  const media = [];
  for (let i = 1; i <= images; i++) {
    const filename = `anh-${i}.jpg`;
    files.set(
      `media/${filename}`,
      await makeImage({ palette: palettes[i % palettes.length]!, width: 1600, height: 900 }),
    );
    media.push({
      id: i,
      alt: `Ảnh hoạt động số ${i}`,
      filename,
      mimeType: 'image/jpeg',
      width: 1600,
      height: 900,
      sizes: {},
      updatedAt: STAMP,
    });
  }
  const documents = [];
  const { data: pdf } = await sampleDocument('pdf');
  for (let i = 1; i <= pdfs; i++) {
    const filename = `tai-lieu-${i}.pdf`;
    files.set(`documents/${filename}`, pdf);
    documents.push({
      id: i,
      title: `Phiếu học tập ${i}`,
      filename,
      mimeType: 'application/pdf',
      filesize: pdf.length,
      updatedAt: STAMP,
    });
  }
  const list = articles(n);
  const stories = Array.from({ length: Math.max(1, Math.round(n / 50)) }, (_, i) => ({
    id: i + 1,
    title: `Gương điển hình số ${i + 1}: gia đình chia sẻ việc nhà`,
    slug: `guong-dien-hinh-${i + 1}`,
    kind: MODEL_STORY_KINDS[i % MODEL_STORY_KINDS.length]!.value,
    subjectName: `Gia đình em số ${i + 1}`,
    summary: 'Một câu chuyện mẫu.',
    body: lexical(300, i),
    photos: [1 + (i % images)],
    publishedAt: list[i % list.length]!.publishedAt,
    countsTowardColumn: false,
    updatedAt: STAMP,
  }));
  const resources = Array.from({ length: Math.max(1, Math.round(n / 4)) }, (_, i) => ({
    id: i + 1,
    title: `Tài liệu dạy học số ${i + 1}: lồng ghép bình đẳng giới`,
    slug: `tai-lieu-day-hoc-${i + 1}`,
    summary: 'Một tài liệu mẫu.',
    subject: SUBJECTS[i % SUBJECTS.length]!.value,
    grades: [GRADES[i % GRADES.length]!.value],
    kind: RESOURCE_KINDS[i % RESOURCE_KINDS.length]!.value,
    files: [1 + (i % pdfs)],
    learningGoals: [{ goal: 'Nhận biết định kiến giới.' }],
    publishedAt: list[i % list.length]!.publishedAt,
    countsTowardColumn: false,
    updatedAt: STAMP,
  }));
  const docs: Record<string, Record<string, unknown>[]> = {
    articles: list,
    topics: TOPICS,
    media,
    documents,
    'model-stories': stories,
    'teaching-resources': resources,
  };
  return { docs, files };
}

/** Just enough of Payload's REST API for the loader and the coverage page. */
export function standInCms(
  docs: Record<string, Record<string, unknown>[]>,
  files: Map<string, Buffer>,
): Promise<{ url: string; server: Server; requests: () => number; column: { name: string; title: string } }> {
  let requests = 0;
  /** The school's column settings, which a benchmark may change (they are on every page). */
  const column = { name: 'Trường THCS Nguyễn Du', title: 'Bình đẳng giới' };
  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/schools/policy') {
      return send({
        school: {
          id: 1,
          slug: 'truong-thcs-nguyen-du',
          name: column.name,
          district: 'Phòng GDĐT quận Hoàn Kiếm',
        },
        basePath: '/binh-dang-gioi/',
        origin: null,
        columnTitle: column.title,
        policy: { start: '2022-Q1', minPerQuarter: 1, countedCollections: ['articles'] },
      });
    }
    const file = /^\/api\/(media|documents)\/file\/(.+)$/.exec(url.pathname);
    if (file) {
      const bytes = files.get(`${file[1]}/${decodeURIComponent(file[2]!)}`);
      if (!bytes) return void res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': file[1] === 'media' ? 'image/jpeg' : 'application/pdf',
        'content-length': bytes.length,
        // As the CMS answers a versioned address (src/cms/uploads/versioned-files.ts).
        ...(url.searchParams.has(VERSION_PARAM) ? { 'cache-control': IMMUTABLE } : {}),
      });
      return void res.end(bytes);
    }
    const collection = /^\/api\/([a-z-]+)$/.exec(url.pathname)?.[1];
    if (!collection) {
      res.writeHead(404).end();
      return;
    }
    let list = docs[collection] ?? [];
    const since = url.searchParams.get('where[updatedAt][greater_than]');
    if (since) list = list.filter((d) => String(d.updatedAt) > since);
    const ids = url.searchParams.get('where[id][in]');
    if (ids) {
      const wanted = new Set(ids.split(','));
      list = list.filter((d) => wanted.has(String(d.id)));
    }
    if (url.searchParams.get('select[updatedAt]') === 'true')
      list = list.map((d) => ({ id: d.id, updatedAt: d.updatedAt }));
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = list.slice((page - 1) * limit, page * limit);
    send({ docs: slice, hasNextPage: page * limit < list.length, nextPage: page + 1, page, totalDocs: list.length });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        server,
        requests: () => requests,
        column,
      }),
    ),
  );
}
