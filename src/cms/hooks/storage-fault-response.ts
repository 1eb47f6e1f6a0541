import { constants } from 'node:fs';
import { access, statfs } from 'node:fs/promises';

import type { AfterErrorHook } from 'payload';

import { describeStorageFault, type StorageFault } from '../../domain/storage-faults';

/**
 * Payload answers a failed write with "Something went wrong." (500), and a
 * failed file write with "problem uploading the file" (400). When the cause
 * is the storage (database locked or read-only, disk full, MongoDB gone), the
 * admin shows what happened and what to do instead, with 503/507.
 */
export const storageFaultResponse: AfterErrorHook = async ({ collection, error }) => {
  let fault = describeStorageFault(error);
  if (!fault && error.name === 'FileUploadError' && collection?.upload) {
    fault = await diagnoseUploadFolder(collection.upload.staticDir ?? '');
  }
  if (!fault) return;
  return { status: fault.status, response: { errors: [{ message: fault.message }] } };
};

/**
 * Below this much free space a failed upload is put down to the disk: the
 * largest accepted upload (documents, 25 MB) does not fit, and an image needs
 * room for its resized copies too.
 */
const LOW_SPACE_BYTES = 25 * 1024 * 1024;

/** Payload drops the file system's error; ask the folder itself why the file could not be written. */
async function diagnoseUploadFolder(dir: string): Promise<StorageFault | undefined> {
  try {
    await access(dir, constants.W_OK);
    const { bavail, bsize } = await statfs(dir);
    if (bavail * bsize < LOW_SPACE_BYTES) return describeStorageFault({ code: 'ENOSPC' });
    return undefined;
  } catch (error) {
    return describeStorageFault(error);
  }
}
