/**
 * `npm run check:site` runs `astro check --skip-cms`: type-checking needs no
 * CMS, so the loaders and the site's settings fetch are skipped. A flag on
 * the command line rather than a variable in the environment: it is a switch
 * of that one command, visible where it is given, read here and nowhere else.
 */
export const SKIP_CMS_FLAG = '--skip-cms';

export function skipsCms(argv: readonly string[] = process.argv): boolean {
  return argv.includes(SKIP_CMS_FLAG);
}
