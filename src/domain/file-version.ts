/**
 * A file's address for the build, with its version in it (`?v=`), so the
 * address changes whenever the file may have: Astro's image cache can then
 * keep a downloaded and encoded image for as long as the address is the same,
 * instead of fetching and re-encoding every image at every build (Payload
 * sends no validators for its files). The version is the upload document's
 * `updatedAt`: replacing the file updates it; an edit of the alt text does
 * too, which only costs one more encode.
 */
export const VERSION_PARAM = 'v';

export function fileVersion(updatedAt: string): string {
  const ms = Date.parse(updatedAt);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${updatedAt}`);
  return ms.toString(36);
}

export function versionedFileUrl(url: string, updatedAt: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${VERSION_PARAM}=${fileVersion(updatedAt)}`;
}
