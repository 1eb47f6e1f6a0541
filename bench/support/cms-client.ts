/**
 * A few REST helpers for benchmarks against a running CMS: log in, call the
 * API with a token, and add published articles the way editors would.
 */
import { toLexical } from '../../src/seed/lexical';

export async function loginToken(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email} → ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export type Api = (method: string, route: string, body?: unknown) => Promise<Record<string, unknown>>;

export function apiClient(url: string, token: string): Api {
  return async (method, route, body) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
}

/** `count` published articles spread over the quarters since 2022, four requests at a time. */
export async function seedPublishedArticles(api: Api, count: number): Promise<void> {
  const start = Date.parse('2022-01-05T02:00:00Z');
  const span = Date.now() - 86_400_000 - start;
  let made = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (made < count) {
        const i = made++;
        await api('POST', '/api/articles', {
          title: `Bài viết đo hiệu năng số ${i + 1}: chia sẻ việc nhà`,
          excerpt: 'Bài viết mẫu cho phép đo.',
          body: toLexical([
            'Bình đẳng giới bắt đầu từ những việc nhỏ trong gia đình.',
            'Cả nhà cùng nấu ăn, cùng dọn dẹp.',
          ]),
          audiences: ['parents'],
          publishedAt: new Date(start + (span * i) / count).toISOString(),
          _status: 'published',
        });
      }
    }),
  );
}
