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

import { type MissingFile } from '../domain/missing-file';
import { formatForTerminal, renderMessage } from '../messages/catalogue';
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
        throw new CmsUnreachableError('FileDownloadFailed', { filename: probe.filename, reason });
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
  return formatForTerminal(renderMessage('FilesMissingFromBuild', { files })).replace(/^✖/, '⚠');
}

// On globalThis: Astro loads the integration (which knows the output folder) and the pages through separate module graphs.
const OUT_DIR = Symbol.for('binh-dang-gioi.missing-files-out-dir');
type WithOutDir = { [OUT_DIR]?: string };

/** Set by the build-report integration (src/site/integrations/build-failure-report.ts) for `astro build`. */
export function reportMissingFilesTo(outDir: string | undefined): void {
  (globalThis as WithOutDir)[OUT_DIR] = outDir;
}

/** Writes the report into the build's output folder; nothing outside a build (dev, check, preview). */
export async function recordMissingFiles(files: MissingFile[]): Promise<void> {
  const outDir = (globalThis as WithOutDir)[OUT_DIR];
  if (outDir) await writeMissingFilesReport(outDir, files);
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
