import type { CmsConfigOptions } from '../../src/cms/config-options';
import { ColumnError } from '../../src/messages/column-error';
import { ensureLocalSecret } from './local-secret';

/**
 * Loads the Payload config for a command-line script, with the same secret
 * `npm start` uses and its logs on stderr (stdout is the script's output),
 * and turns configuration and connection errors into one readable message
 * and a non-zero exit instead of a stack trace.
 */
export async function openCms(options: Omit<CmsConfigOptions, 'logToStderr'> & { databaseUri?: string } = {}) {
  ensureLocalSecret();
  try {
    // Imported after the secret is in place: the settings are read once, on first use.
    const { buildCmsConfig } = await import('../../src/cms/config');
    const { settings } = await import('../../src/settings');
    const { databaseUri, ...configOptions } = options;
    const base = settings();
    return await buildCmsConfig(
      { ...base, DATABASE_URI: databaseUri ?? base.DATABASE_URI },
      { ...configOptions, logToStderr: true },
    );
  } catch (error) {
    exitWith(error);
  }
}

export function exitWith(error: unknown): never {
  if (ColumnError.is(error)) console.error(`\n${error.format()}\n`);
  else console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
