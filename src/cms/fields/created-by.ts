import type { FieldHook, RelationshipField } from 'payload';

import type { Article, Document, Media, ModelStory, TeachingResource } from '../../payload-types';
import { nobody } from '../access/roles';

type Owned = Article | ModelStory | TeachingResource | Media | Document;

/** Remembers who created a document; contributors' rights depend on it. */
const setOnCreate: FieldHook<Owned, Owned['createdBy']> = ({ operation, req, value, originalDoc }) => {
  if (operation === 'create') return req.user?.collection === 'users' ? req.user.id : (value ?? null);
  return originalDoc?.createdBy ?? value;
};

export const createdByField: RelationshipField = {
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'users',
  label: 'Người tạo',
  index: true,
  access: { update: nobody },
  admin: { position: 'sidebar', readOnly: true },
  hooks: { beforeChange: [setOnCreate] },
};
