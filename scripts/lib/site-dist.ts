/**
 * The layout of a site build (Astro with the Node adapter): the static site
 * readers get is in client/, the on-request preview server in server/.
 */
import path from 'node:path';

/** What a static host serves, under the base path. */
export const clientDir = (dist: string) => path.join(dist, 'client');

/** Astro's standalone Node server for the draft preview and on-request images. */
export const serverEntry = (dist: string) => path.join(dist, 'server', 'entry.mjs');
