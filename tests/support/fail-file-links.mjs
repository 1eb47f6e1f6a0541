/**
 * Preloaded into a restore (`node --import ./tests/support/fail-file-links.mjs`):
 * the disk fills up while the restored files are put in place. The first
 * FAIL_LINKS_AFTER files are linked, every later one fails with ENOSPC, as
 * a full disk would; nothing else changes.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const allowed = Number(process.env.FAIL_LINKS_AFTER ?? '0');
const link = fs.promises.link;
let calls = 0;
fs.promises.link = async (...args) => {
  calls += 1;
  if (calls <= allowed) return link(...args);
  const error = new Error(`ENOSPC: no space left on device, link '${args[0]}' -> '${args[1]}'`);
  error.code = 'ENOSPC';
  throw error;
};
// `import { link } from 'node:fs/promises'` reads the patched function from here on.
syncBuiltinESMExports();
