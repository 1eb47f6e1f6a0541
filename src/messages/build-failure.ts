/**
 * How `scripts/build-site.ts` learns why the Astro build (a child process)
 * failed without reading its log: the build's catalogue errors write
 * `{ name, details }` to a file beside the output folder, which the
 * `buildFailureReport()` integration names when the build starts. Outside a
 * build (tests, the preview server) no file is named and nothing is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { isMessageName, type MessageName } from './catalogue';

export type BuildFailure = { name: MessageName; details: Record<string, unknown> };

// On globalThis: Astro loads the integration and the loader through separate module graphs.
const FILE = Symbol.for('binh-dang-gioi.build-failure-file');
type WithFile = { [FILE]?: string };

/** The file beside a build's output folder (`…/staging` → `…/staging.failure.json`). */
export function failureFileFor(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}.failure.json`;
}

export function reportFailuresTo(file: string | undefined): void {
  (globalThis as WithFile)[FILE] = file;
}

/** Called as a catalogue error leaves for Astro; the last one before the build stops is its reason. */
export function recordBuildFailure(failure: BuildFailure): void {
  const file = (globalThis as WithFile)[FILE];
  if (!file) return;
  try {
    writeFileSync(file, JSON.stringify(failure));
  } catch {
    // The log still says what happened; the report is a convenience for the caller.
  }
}

export function readBuildFailure(file: string): BuildFailure | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildFailure>;
    if (!isMessageName(parsed.name) || typeof parsed.details !== 'object' || parsed.details === null) return undefined;
    return { name: parsed.name, details: parsed.details };
  } catch {
    return undefined;
  }
}

/** What `scripts/build-site.ts --report FILE` writes for the rebuild job. */
export type BuildReport = { ok: true } | { ok: false; message: string; failure?: BuildFailure };

export function readBuildReport(file: string): BuildReport | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<{
      ok: boolean;
      message: string;
      failure: unknown;
    }>;
    if (parsed.ok === true) return { ok: true };
    if (parsed.ok !== false || typeof parsed.message !== 'string') return undefined;
    const failure = parsed.failure as Partial<BuildFailure> | undefined;
    return isMessageName(failure?.name) && typeof failure.details === 'object' && failure.details !== null
      ? { ok: false, message: parsed.message, failure: { name: failure.name, details: failure.details } }
      : { ok: false, message: parsed.message };
  } catch {
    return undefined;
  }
}
