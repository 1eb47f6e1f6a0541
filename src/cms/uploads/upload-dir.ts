import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { settings } from '../../settings';
import { LEGACY_UPLOADS_DIR, uploadsRoot } from '../../domain/uploads-location';
import { formatForTerminal, renderMessage } from '../../messages/catalogue';

/**
 * Uploads live in UPLOADS_DIR, or in the folder that belongs to the database
 * (data/uploads for the default data/cms.db; see domain/uploads-location.ts);
 * never in public/.
 */
export function uploadDir(kind: 'media' | 'documents'): string {
  const { UPLOADS_DIR, DATABASE_URI } = settings();
  const root = uploadsRoot({ UPLOADS_DIR, DATABASE_URI }, process.cwd());
  warnIfLegacyFilesStranded(root);
  return path.join(root, kind);
}

let warned = false;

/**
 * An install that used another database with the old shared default keeps its
 * files in data/uploads: say so once, rather than let the admin show broken
 * files silently.
 */
function warnIfLegacyFilesStranded(root: string) {
  if (warned || settings().UPLOADS_DIR) return;
  const legacy = path.resolve(LEGACY_UPLOADS_DIR);
  if (root === legacy || existsSync(root)) return;
  const holdsFiles = ['media', 'documents'].some((kind) => {
    const dir = path.join(legacy, kind);
    return existsSync(dir) && readdirSync(dir).length > 0;
  });
  if (!holdsFiles) return;
  warned = true;
  console.warn(formatForTerminal(renderMessage('LegacyUploadsNotice', { legacy, root }), '⚠'));
}
