import { statfs, unlink } from 'node:fs/promises';
import path from 'node:path';

import { APIError, type CollectionBeforeValidateHook, type DatabaseAdapterObj, type PayloadRequest } from 'payload';

import { describeStorageFault } from '../../domain/storage-faults';

/**
 * Payload writes an upload's files (the original and every resized copy, in
 * parallel) before it writes the database row, and removes nothing when
 * either step fails: a full disk or a locked database leaves files no
 * document owns. These two guards close both gaps:
 *
 * - `refuseWhenDiskTooFull` (beforeValidate: after Payload has made the
 *   resized copies, before it writes any file) refuses the upload when the
 *   uploads folder has not room for all of them, so nothing is written.
 * - `removeFilesWhenRowFails` (around the database adapter) deletes the files
 *   of this request when the row that would own them cannot be written.
 */
const PLANNED_FILES = 'uploads:planned-files';
/** Room kept free beyond the files themselves (the database and logs live on the same disk). */
const DISK_MARGIN_BYTES = 1024 * 1024;

export const refuseWhenDiskTooFull: CollectionBeforeValidateHook = async ({ collection, data, req }) => {
  if (!req.file || !data || !collection.upload) return data;
  const dir = collection.upload.staticDir ?? '';
  const sizes = Object.values((req as PayloadRequest & { payloadUploadSizes?: Record<string, Buffer> }).payloadUploadSizes ?? {});
  const needed = (req.file.size ?? req.file.data?.length ?? 0) + sizes.reduce((sum, b) => sum + b.length, 0);
  const free = await statfs(dir).then(
    ({ bavail, bsize }) => bavail * bsize,
    () => Infinity, // a missing folder is created by Payload; its own error, if any, stands
  );
  if (free < needed + DISK_MARGIN_BYTES) {
    const fault = describeStorageFault({ code: 'ENOSPC' })!;
    throw new APIError(fault.message, fault.status, undefined, true);
  }
  req.context[PLANNED_FILES] = { collection: collection.slug, files: plannedFiles(dir, data) } satisfies Planned;
  return data;
};

type Planned = { collection: string; files: string[] };

function plannedFiles(dir: string, data: Record<string, unknown>): string[] {
  const names = [data.filename, ...Object.values((data.sizes as Record<string, { filename?: unknown }> | undefined) ?? {}).map((s) => s?.filename)];
  return names.filter((n): n is string => typeof n === 'string' && n.length > 0).map((n) => path.join(dir, path.basename(n)));
}

/** Wraps the adapter's row writes: when one fails, the files this request wrote for it go too. */
export function removeFilesWhenRowFails(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapter.init;
  adapter.init = (args) => {
    const instance = init(args);
    for (const method of ['create', 'updateOne'] as const) {
      type Args = { collection: string; req?: Partial<PayloadRequest> };
      const original = instance[method] as (this: unknown, a: Args) => Promise<unknown>;
      (instance as unknown as Record<string, unknown>)[method] = async function (this: unknown, a: Args) {
        const planned = a.req?.context?.[PLANNED_FILES] as Planned | undefined;
        const mine = planned?.collection === a.collection ? planned : undefined;
        try {
          const result = await original.call(this, a);
          if (mine) delete a.req!.context![PLANNED_FILES]; // the files now belong to a row
          return result;
        } catch (error) {
          if (mine) await Promise.all(mine.files.map((file) => unlink(file).catch(() => undefined)));
          throw error;
        }
      };
    }
    return instance;
  };
  return adapter;
}
