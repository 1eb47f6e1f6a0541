// Builds the Pagefind index (Vietnamese) over the built pages at the end of
// `astro build`, so every build — including the bench — ships its search.
import { fileURLToPath } from 'node:url';

import * as pagefind from 'pagefind';

export function pagefindIntegration() {
  return {
    name: 'site-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Pagefind: ${added.page_count} trang được lập chỉ mục trong ${Date.now() - started} ms`);
      },
    },
  };
}
