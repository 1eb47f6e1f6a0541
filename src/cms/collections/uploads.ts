import type { CollectionConfig, UploadConfig } from 'payload';

import type { UploadPolicy } from '../../domain/upload-policy';
import { deleteFile, updateFile, uploadFile } from '../access/files';
import { anyone } from '../access/roles';
import { createdByField } from '../fields/created-by';
import { guardSchool, schoolField } from '../fields/school';
import { rebuildAfterDelete, rebuildAfterFileUpdate } from '../site-build/hooks';
import { fileResponseHeaders } from '../uploads/file-response-headers';
import { refuseWhenDiskTooFull } from '../uploads/guard-file-writes';
import { verifyUpload } from '../uploads/verify-upload';

type UploadCollectionConfig = Omit<CollectionConfig, 'access' | 'hooks' | 'upload'> & {
  upload: Omit<UploadConfig, 'modifyResponseHeaders'>;
};

/**
 * What the two upload collections (images, documents) share: public to read,
 * members upload into their school, contributors change or remove only their own; the
 * file is checked against the collection's policy before anything is written,
 * a full disk is refused, a changed or removed file rebuilds the site; the
 * files' response headers; and who uploaded it, after the collection's own fields.
 */
export function uploadCollection(policy: UploadPolicy, config: UploadCollectionConfig): CollectionConfig {
  return {
    ...config,
    access: { read: anyone, create: uploadFile, update: updateFile, delete: deleteFile },
    hooks: {
      beforeOperation: [verifyUpload(policy)],
      beforeValidate: [guardSchool, refuseWhenDiskTooFull],
      afterChange: [rebuildAfterFileUpdate],
      afterDelete: [rebuildAfterDelete],
    },
    upload: { modifyResponseHeaders: fileResponseHeaders, ...config.upload },
    fields: [...config.fields, schoolField({ autosave: false }), createdByField],
  };
}
