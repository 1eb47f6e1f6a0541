/**
 * A tiny REST client for Payload's public API: anonymous, paginated, with a
 * timeout, and one clear message when the CMS cannot be reached or answers
 * something that is not Payload's list shape.
 */
import { CmsDataError, CmsHttpError, CmsUnreachableError } from './errors';

export type Fetch = typeof fetch;

export type ClientOptions = {
  baseUrl: string;
  fetch?: Fetch;
  timeoutMs?: number;
  pageSize?: number;
  /** Sent with every request; a preview passes the editor's session (`Authorization: JWT …`). */
  headers?: Record<string, string>;
};

type Page = { docs: unknown[]; hasNextPage: boolean; nextPage?: number | null; totalDocs?: number };

export type Query = Record<string, string | number | boolean>;

export class CmsClient {
  readonly baseUrl: string;
  private readonly fetchImpl: Fetch;
  private readonly timeoutMs: number;
  readonly pageSize: number;
  private readonly headers: Record<string, string>;
  /** Number of HTTP requests made (for logs and tests). */
  requests = 0;

  constructor(options: ClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.pageSize = options.pageSize ?? 100;
    this.headers = options.headers ?? {};
  }

  fileUrl(collection: 'media' | 'documents', filename: string): string {
    return `${this.baseUrl}/api/${collection}/file/${encodeURIComponent(filename)}`;
  }

  async getJson(path: string, query: Query = {}): Promise<unknown> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    let response: Response;
    this.requests++;
    try {
      response = await this.fetchImpl(url, {
        headers: { accept: 'application/json', 'accept-language': 'vi', ...this.headers },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new CmsUnreachableError(
        `Không kết nối được CMS tại ${this.baseUrl} (${reason}). Kiểm tra PAYLOAD_URL và CMS đang chạy; trang cũ trong dist/ được giữ nguyên.\n` +
          `Cannot reach the CMS at ${this.baseUrl} (${reason}). Check PAYLOAD_URL and that the CMS is running; the previous dist/ is left untouched.`,
      );
    }
    if (!response.ok) {
      throw new CmsHttpError(
        `CMS tại ${this.baseUrl} trả lời ${response.status} cho ${url.pathname}. Kiểm tra PAYLOAD_URL và nhật ký của CMS.\n` +
          `The CMS at ${this.baseUrl} answered HTTP ${response.status} for ${url.pathname}. Check PAYLOAD_URL and the CMS logs.`,
        response.status,
      );
    }
    try {
      return await response.json();
    } catch {
      throw new CmsDataError(
        `CMS tại ${this.baseUrl} trả về nội dung không phải JSON cho ${url.pathname}; PAYLOAD_URL có trỏ đúng vào Payload không?\n` +
          `The CMS at ${this.baseUrl} answered non-JSON for ${url.pathname}; does PAYLOAD_URL point at Payload?`,
      );
    }
  }

  /** Every document of a list query, page by page. */
  async *list(collection: string, query: Query = {}): AsyncGenerator<unknown[]> {
    for (let page = 1; ; page++) {
      const body = await this.getJson(`/api/${collection}`, { depth: 0, limit: this.pageSize, ...query, page });
      if (!isPage(body)) {
        throw new CmsDataError(
          `CMS trả về danh sách "${collection}" không đúng dạng (thiếu docs/hasNextPage).\n` +
            `The CMS answered a list of "${collection}" without Payload's shape (docs/hasNextPage).`,
        );
      }
      yield body.docs;
      if (!body.hasNextPage) return;
    }
  }

  async listAll(collection: string, query: Query = {}): Promise<unknown[]> {
    const all: unknown[] = [];
    for await (const docs of this.list(collection, query)) all.push(...docs);
    return all;
  }
}

function isPage(body: unknown): body is Page {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as Page).docs) &&
    typeof (body as Page).hasNextPage === 'boolean'
  );
}

export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CmsUnreachableError(
      `PAYLOAD_URL không hợp lệ: "${raw}" (ví dụ http://localhost:3000).\nPAYLOAD_URL is not a URL: "${raw}" (e.g. http://localhost:3000).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CmsUnreachableError(`PAYLOAD_URL phải là http(s): "${raw}".\nPAYLOAD_URL must be http(s): "${raw}".`);
  }
  return url.href.replace(/\/+$/, '');
}
