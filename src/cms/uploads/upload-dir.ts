import path from 'node:path';

import { settings } from '../../settings';

/** Uploads live under data/uploads (gitignored), or UPLOADS_DIR; never in public/. */
export function uploadDir(kind: 'media' | 'documents'): string {
  return path.resolve(settings().UPLOADS_DIR ?? path.join('data', 'uploads'), kind);
}
