/**
 * Names the file where the build's catalogue errors record why it stopped
 * (src/messages/build-failure.ts), beside the output folder, so
 * `scripts/build-site.ts` reads the reason's name and details, not the log;
 * and the output folder, where the build lists the files it was built without.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { failureFileFor, reportFailuresTo } from '../../messages/build-failure';
import { reportMissingFilesTo } from '../../site-loader/missing-files';

export function buildFailureReport(): AstroIntegration {
  return {
    name: 'build-failure-report',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command !== 'build') return;
        const file = failureFileFor(fileURLToPath(config.outDir));
        rmSync(file, { force: true });
        reportFailuresTo(file);
        reportMissingFilesTo(fileURLToPath(config.outDir));
      },
    },
  };
}
