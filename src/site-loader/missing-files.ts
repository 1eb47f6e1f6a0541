/**
 * Files the CMS cannot give the site build. One attachment lost from storage
 * must not stop every later publication: the build checks each file a
 * published item uses before rendering, builds the item without the files it
 * cannot get, and reports them (build output, build status, dashboard).
 * A CMS that cannot be reached at all still fails the build (see client.ts):
 * there is nothing to publish from.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { FilesMissingFromBuild, type MissingFile } from '../domain/defect-messages';
import { CmsUnreachableError } from './errors';

export type { MissingFile };

/** Beside client/ and server/ in the build output: read by the build command and the rebuild job, never served. */
export const MISSING_FILES_REPORT = 'missing-files.json';

export type FileProbe = { url: string; upload: 'media' | 'documents'; filename: string };

/**
 * Asks the CMS for each file (GET, body discarded: Payload's file route is
 * GET only) and returns the answer for each one it does not give: its HTTP
 * status. A network failure means the CMS itself is gone: thrown.
 */
export async function probeFiles(
  probes: FileProbe[],
  options: { fetch?: typeof fetch; concurrency?: number; timeoutMs?: number } = {},
): Promise<Map<string, string>> {
  const fetchImpl = options.fetch ?? fetch;
  const failed = new Map<string, string>();
  const queue = [...new Map(probes.map((p) => [p.url, p])).values()];
  const worker = async () => {
    for (let probe = queue.shift(); probe; probe = queue.shift()) {
      let response: Response;
      try {
        response = await fetchImpl(probe.url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
      } catch (error) {
        const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : '';
        throw new CmsUnreachableError(
          `Không kết nối được CMS khi tải tệp ${probe.filename} (${reason}); trang cũ được giữ nguyên.\n` +
            `Cannot reach the CMS while downloading ${probe.filename} (${reason}); the previous site is left untouched.`,
          { cause: error },
        );
      }
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) failed.set(probe.url, `HTTP ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return failed;
}

/** The block the build output shows, English and Vietnamese. */
export function missingFilesText(files: MissingFile[]): string {
  return `⚠ ${FilesMissingFromBuild.title}\n${FilesMissingFromBuild.message({ files })}\n${FilesMissingFromBuild.hint}`;
}

export async function writeMissingFilesReport(outDir: string, files: MissingFile[]) {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, MISSING_FILES_REPORT), JSON.stringify({ files }, null, 2));
}

/** The report of the build in `dist` (none: an older build, or a deploy elsewhere). */
export async function readMissingFilesReport(dist: string): Promise<MissingFile[] | undefined> {
  const file = path.join(dist, MISSING_FILES_REPORT);
  if (!existsSync(file)) return undefined;
  const { files } = JSON.parse(await readFile(file, 'utf8')) as { files: MissingFile[] };
  return files;
}
