import { IMAGE_TYPES, imagePolicy } from '../../domain/upload-policy';
import { settings } from '../../settings';
import { uploadDir } from '../uploads/upload-dir';
import { uploadCollection } from './uploads';

const policy = imagePolicy(settings().MEDIA_MAX_MB, settings().MEDIA_MAX_MEGAPIXELS * 1_000_000);

const webp = { format: 'webp' as const, options: { quality: 80 } };

export const Media = uploadCollection(policy, {
  slug: 'media',
  labels: { singular: 'Ảnh', plural: 'Thư viện ảnh' },
  admin: { group: 'Thư viện', useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  upload: {
    staticDir: uploadDir('media'),
    mimeTypes: IMAGE_TYPES.map((t) => t.mime),
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, formatOptions: webp },
      { name: 'card', width: 768, height: 432, formatOptions: webp },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: webp },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: 'Mô tả ảnh (cho người dùng trình đọc màn hình)',
      required: true,
      admin: {
        description:
          'Tả ngắn gọn nội dung ảnh bằng tiếng Việt, ví dụ: "Học sinh lớp 8A1 thảo luận nhóm về bình đẳng giới".',
      },
    },
    { name: 'caption', type: 'text', label: 'Chú thích' },
    { name: 'credit', type: 'text', label: 'Nguồn / tác giả ảnh' },
  ],
});
