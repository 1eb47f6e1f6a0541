import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { CollectionBeforeOperationHook } from 'payload';
import { ValidationError } from 'payload';
import sharp from 'sharp';

import { checkUpload, type UploadPolicy } from '../../domain/upload-policy';

/**
 * Refuses a file before anything is processed or written: the type comes from
 * the bytes (file-type), never from the name or the browser's claim; size and
 * pixel count are checked against the collection's policy. Throwing here, in
 * beforeOperation, means no image sizes are generated, nothing reaches disk
 * and no row is written.
 */
export function verifyUpload(policy: UploadPolicy): CollectionBeforeOperationHook {
  return async ({ args, operation, collection }) => {
    if (operation !== 'create' && operation !== 'update') return args;
    const file = args.req?.file;
    if (!file) return args;

    const data: Buffer | undefined = file.data?.length ? file.data : undefined;
    const detected = data
      ? await fileTypeFromBuffer(data)
      : file.tempFilePath
        ? await fileTypeFromFile(file.tempFilePath)
        : undefined;
    const isImage = policy.maxPixels !== undefined;
    const pixels = isImage && detected ? await pixelCount(data ?? file.tempFilePath) : undefined;

    const verdict = checkUpload(policy, {
      filename: file.name,
      size: file.size ?? data?.length ?? 0,
      detectedMime: detected?.mime,
      pixels,
    });
    if (!verdict.ok) {
      throw new ValidationError({
        collection: collection.slug,
        errors: [{ path: 'file', message: verdict.message }],
        req: args.req,
      });
    }
    file.name = verdict.filename;
    file.mimetype = verdict.type.mime;
    return args;
  };
}

/** Reads only the header: a pixel-flood image is never decoded. */
async function pixelCount(input: Buffer | string | undefined): Promise<number | undefined> {
  if (!input) return undefined;
  try {
    const { width, height } = await sharp(input, { limitInputPixels: false }).metadata();
    return width && height ? width * height : undefined;
  } catch {
    return undefined;
  }
}
