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
  /** Lists only this school's documents (its slug): each school's site shows its own column. */
  school?: string;
};

type Page = { docs: unknown[]; hasNextPage: boolean; nextPage?: number | null; totalDocs?: number };

export type Query = Record<string, string | number | boolean>;

export class CmsClient {
  readonly baseUrl: string;
  private readonly fetchImpl: Fetch;
  private readonly timeoutMs: number;
  readonly pageSize: number;
  private readonly headers: Record<string, string>;
  readonly school: string | undefined;
  /** Number of HTTP requests made (for logs and tests). */
  requests = 0;

  constructor(options: ClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.pageSize = options.pageSize ?? 100;
    this.headers = options.headers ?? {};
    this.school = options.school;
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
      throw new CmsUnreachableError('CmsUnreachable', { baseUrl: this.baseUrl, reason });
    }
    if (!response.ok) {
      throw new CmsHttpError({ baseUrl: this.baseUrl, status: response.status, path: url.pathname });
    }
    try {
      return await response.json();
    } catch {
      throw new CmsDataError('CmsNotJson', { baseUrl: this.baseUrl, path: url.pathname });
    }
  }

  /** Every document of a list query, page by page. */
  async *list(collection: string, query: Query = {}): AsyncGenerator<unknown[]> {
    for (let page = 1; ; page++) {
      const bySchool: Query = this.school ? { 'where[school.slug][equals]': this.school } : {};
      const body = await this.getJson(`/api/${collection}`, {
        depth: 0,
        limit: this.pageSize,
        ...query,
        ...bySchool,
        page,
      });
      if (!isPage(body)) {
        throw new CmsDataError('CmsListShape', { collection });
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
    throw new CmsUnreachableError('PayloadUrlInvalid', { value: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CmsUnreachableError('PayloadUrlNotHttp', { value: raw });
  }
  return url.href.replace(/\/+$/, '');
}
