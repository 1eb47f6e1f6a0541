import { existsSync } from 'node:fs';
import { statfs, unlink } from 'node:fs/promises';
import path from 'node:path';

import { APIError, type CollectionBeforeValidateHook, type DatabaseAdapterObj, type PayloadRequest } from 'payload';

import { describeStorageFault } from '../../domain/storage-faults';
import type { Document, Media } from '../../payload-types';

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
 *   of a NEW upload when the row that would own them cannot be created. Only
 *   files that did not exist before this request, and only when no row names
 *   them: an update (new crop, focal point) rewrites files under their old
 *   names, and two uploads of the same name can race; those are left alone.
 */
const PLANNED_FILES = 'uploads:planned-files';
/** Room kept free beyond the files themselves (the database and logs live on the same disk). */
const DISK_MARGIN_BYTES = 1024 * 1024;

export const refuseWhenDiskTooFull: CollectionBeforeValidateHook<Media | Document> = async ({
  collection,
  data,
  operation,
  req,
}) => {
  if (!req.file || !data || !collection.upload) return data;
  const dir = collection.upload.staticDir ?? '';
  // Payload's own (untyped) field on the request: the resized copies it made in memory, before writing any.
  const sizes = Object.values(
    (req as PayloadRequest & { payloadUploadSizes?: Record<string, Buffer> }).payloadUploadSizes ?? {},
  );
  const needed = (req.file.size ?? req.file.data?.length ?? 0) + sizes.reduce((sum, b) => sum + b.length, 0);
  const free = await statfs(dir).then(
    ({ bavail, bsize }) => bavail * bsize,
    () => Infinity, // a missing folder is created by Payload; its own error, if any, stands
  );
  if (free < needed + DISK_MARGIN_BYTES) {
    const fault = describeStorageFault({ code: 'ENOSPC' })!;
    throw new APIError(fault.message, fault.status, undefined, true);
  }
  if (operation === 'create') {
    const files = plannedFiles(dir, data).filter((file) => !existsSync(file));
    req.context[PLANNED_FILES] = {
      collection: collection.slug,
      filename: String(data.filename ?? ''),
      files,
    } satisfies Planned;
  }
  return data;
};

type Planned = { collection: string; filename: string; files: string[] };

function plannedFiles(dir: string, data: Partial<Media | Document>): string[] {
  const names = [data.filename, ...Object.values(('sizes' in data && data.sizes) || {}).map((s) => s?.filename)];
  return names
    .filter((n): n is string => typeof n === 'string' && n.length > 0)
    .map((n) => path.join(dir, path.basename(n)));
}

/** Wraps the adapter's row writes: when one fails, the files this request wrote for it go too. */
export function removeFilesWhenRowFails(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapter.init;
  adapter.init = (args) => {
    const instance = init(args);
    type Args = { collection: string; req?: Partial<PayloadRequest> };
    // Payload types the adapter's create over every collection's documents; the wrapper reads only these two arguments.
    const create = instance.create as (this: unknown, a: Args) => Promise<unknown>;
    (instance as unknown as Record<string, unknown>).create = async function (this: typeof instance, a: Args) {
      const planned = a.req?.context?.[PLANNED_FILES] as Planned | undefined;
      const mine = planned?.collection === a.collection ? planned : undefined;
      if (mine) delete a.req!.context![PLANNED_FILES];
      try {
        return await create.call(this, a);
      } catch (error) {
        if (mine && mine.files.length > 0 && !(await someRowNames(this, mine))) {
          await Promise.all(mine.files.map((file) => unlink(file).catch(() => undefined)));
        }
        throw error;
      }
    };
    return instance;
  };
  return adapter;
}

/** Whether a row already names this file (a same-name upload that won a race); if unsure, yes. */
async function someRowNames(adapter: { findOne: (a: never) => Promise<unknown> }, planned: Planned): Promise<boolean> {
  try {
    const row = await adapter.findOne({
      collection: planned.collection,
      where: { filename: { equals: planned.filename } },
    } as never);
    return Boolean(row);
  } catch {
    return true;
  }
}
