/**
 * The switches of the CMS config that only the project's own commands choose
 * (not settings a person gives: see src/settings.ts).
 */
export type CmsConfigOptions = {
  /** Run the job queues (scheduled publishing, site rebuilds): the long-running server only; scripts and tests must exit. */
  runJobs?: boolean;
  /** Payload's SQLite transactions: scripts/restore.ts only (see databaseAdapter). */
  sqliteTransactions?: boolean;
  /** Logs (warnings and up) on stderr: the command-line tools, whose stdout is their output (JSON, CSV). */
  logToStderr?: boolean;
};

/**
 * `scripts/cms-server.ts --run-jobs`: the one switch Next.js's copy of the
 * config needs from the server that starts it. Next loads payload.config.ts
 * inside its own bundle in cms-server's process, so the server cannot call
 * buildCmsConfig with options; its command line is the explicit channel (a
 * flag anyone can see in `ps`), read here and nowhere else.
 */
export const RUN_JOBS_FLAG = '--run-jobs';

export function cmsServerOptions(argv: readonly string[] = process.argv): CmsConfigOptions {
  return { runJobs: argv.includes(RUN_JOBS_FLAG) };
}
