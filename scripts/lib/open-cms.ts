import { ensureLocalSecret } from './local-secret';

/**
 * Loads the Payload config for a command-line script, with the same secret
 * `npm start` uses, and turns configuration and connection errors into one
 * readable message and a non-zero exit instead of a stack trace.
 */
export async function openCms() {
  ensureLocalSecret();
  process.env.CMS_LOG_TO_STDERR = 'true';
  try {
    return await (
      await import('../../payload.config')
    ).default;
  } catch (error) {
    exitWith(error);
  }
}

export function exitWith(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}
