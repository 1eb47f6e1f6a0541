import type { Access } from 'payload';

import { mayCreateIn } from '../fields/school';
import { whereMay } from './actor';
import { createdByUser } from './roles';

/**
 * Uploaded images and documents: public to read (they appear on the site);
 * members upload into their own school; contributors change or remove only
 * their own files, editors and admins any of their school's.
 */
export const uploadFile: Access = mayCreateIn('upload');

export const updateFile: Access = ({ req }) => whereMay(req, 'edit', createdByUser(req));

export const deleteFile: Access = ({ req }) => whereMay(req, 'delete', createdByUser(req));
