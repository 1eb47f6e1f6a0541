import { settings, SettingsError, type Settings } from '../../src/settings';

/** The settings for a command-line script: a wrong value stops it with its message, not a stack trace. */
export function scriptSettings(): Settings {
  try {
    return settings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
