import type { CollectionBeforeValidateHook, CollectionConfig, Endpoint, TextFieldSingleValidation } from 'payload';

import { isQuarterId, parseQuarterId } from '../../domain/quarter-id';
import { compareQuarters, quarterIdOf, quarterOf } from '../../domain/quarters';
import { basePathsOverlap, defaultBasePath, isValidBasePath, normaliseBasePath } from '../../domain/school-site';
import { isSlug, slugify } from '../../domain/slug';
import { COLUMN_COLLECTIONS } from '../../domain/vocabulary';
import { renderMessage } from '../../messages/catalogue';
import type { School } from '../../payload-types';
import { settings } from '../../settings';
import { updateSchool } from '../access/schools';
import { anyone, isPlatformAdminAccess, isPlatformAdminField, nobodyAccess } from '../access/roles';
import { rebuildAfterSettings } from '../site-build/hooks';

const validQuarter: TextFieldSingleValidation = (value) => {
  if (!value || !isQuarterId(value)) return renderMessage('QuarterFormat').text;
  // A start in the future would make every report fail: nothing to measure yet.
  if (compareQuarters(parseQuarterId(value), quarterOf(new Date())) > 0) {
    return renderMessage('StartQuarterAfterCurrent', { current: quarterIdOf(new Date()) }).text;
  }
  return true;
};

const validSlug: TextFieldSingleValidation = (value) =>
  value && isSlug(value) ? true : renderMessage('SchoolSlugInvalid').text;

/** The slug from the name when empty; the base path from the slug (the first school keeps the classic address). */
const fillAddress: CollectionBeforeValidateHook<School> = async ({ data, originalDoc, req }) => {
  if (!data) return data;
  const slug = data.slug ? slugify(data.slug) : slugify(data.name ?? originalDoc?.name ?? '');
  if (slug) data.slug = slug;
  if (data.basePath) data.basePath = normaliseBasePath(data.basePath);
  else if (!originalDoc?.basePath && slug) {
    const others = await req.payload.count({
      collection: 'schools',
      where: originalDoc?.id === undefined ? {} : { id: { not_equals: originalDoc.id } },
      req,
    });
    data.basePath = defaultBasePath(slug, others.totalDocs === 0, settings().SITE_BASE);
  }
  return data;
};

const validBasePath: TextFieldSingleValidation = async (value, { req, id }) => {
  if (!value || !isValidBasePath(value)) return renderMessage('SchoolBasePathInvalid').text;
  const { docs } = await req.payload.find({
    collection: 'schools',
    where: id === undefined ? {} : { id: { not_equals: id } },
    pagination: false,
    depth: 0,
    select: { basePath: true, name: true },
    req,
  });
  const clash = docs.find((d) => d.basePath && basePathsOverlap(d.basePath, value));
  return clash ? renderMessage('SchoolBasePathTaken', { school: clash.name }).text : true;
};

/**
 * GET /api/schools/policy?school=<slug>: the public part of a school's
 * settings, which its static site needs for its coverage page and build
 * check: exactly what the published coverage.json shows anyway. Without
 * `school`, the first school (a single-school install has only that one).
 */
const publicPolicy: Endpoint = {
  path: '/policy',
  method: 'get',
  handler: async (req) => {
    const slug = typeof req.query?.school === 'string' ? req.query.school : undefined;
    const { docs } = await req.payload.find({
      collection: 'schools',
      where: slug ? { slug: { equals: slug } } : {},
      sort: 'id',
      limit: 1,
      depth: 0,
      req,
    });
    const school = docs[0];
    if (!school) {
      return Response.json(
        { errors: [{ message: renderMessage('SchoolNotFound', { slug: slug ?? '' }).text }] },
        { status: 404 },
      );
    }
    return Response.json(
      {
        school: { id: school.id, slug: school.slug, name: school.name, district: school.district ?? '' },
        basePath: school.basePath,
        origin: school.origin ?? null,
        columnTitle: school.columnTitle ?? '',
        policy: {
          start: school.reportingStartQuarter,
          minPerQuarter: school.minimumItemsPerQuarter,
          countedCollections: school.countedCollections ?? ['articles'],
        },
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  },
};

const platformOnly = { create: isPlatformAdminField, update: isPlatformAdminField };

/**
 * A school on the install (the multi-tenant plugin's tenant). Its name,
 * address and column policy are public; platform admins create, rename and
 * archive schools, a school's admins change its column settings; nobody
 * deletes one (its documents and records would go with it).
 */
export const Schools: CollectionConfig = {
  slug: 'schools',
  labels: { singular: 'Trường', plural: 'Trường' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'district', 'basePath', 'archived'],
    group: 'Hệ thống',
  },
  access: { read: anyone, create: isPlatformAdminAccess, update: updateSchool, delete: nobodyAccess },
  endpoints: [publicPolicy],
  hooks: { beforeValidate: [fillAddress], afterChange: [rebuildAfterSettings] },
  fields: [
    { name: 'name', type: 'text', label: 'Tên trường', required: true, access: platformOnly },
    {
      name: 'slug',
      type: 'text',
      label: 'Mã trường (slug)',
      required: true,
      unique: true,
      index: true,
      validate: validSlug,
      access: platformOnly,
      admin: { description: 'Tự tạo từ tên trường (ví dụ: thcs-nguyen-du). Dùng trong địa chỉ trang của trường.' },
    },
    { name: 'district', type: 'text', label: 'Phòng GDĐT quản lý', defaultValue: '', access: platformOnly },
    {
      name: 'basePath',
      type: 'text',
      label: 'Đường dẫn chuyên mục',
      // Filled from the slug when empty (fillAddress); validBasePath refuses it empty.
      unique: true,
      validate: validBasePath,
      access: platformOnly,
      admin: {
        description:
          'Trường đầu tiên: /binh-dang-gioi/. Các trường khác: /<mã trường>/binh-dang-gioi/. Tự điền khi để trống.',
      },
    },
    {
      name: 'origin',
      type: 'text',
      label: 'Địa chỉ cổng thông tin riêng (nếu có)',
      access: platformOnly,
      admin: { description: 'Ví dụ: https://thcs-nguyen-du.edu.vn. Để trống nếu trường dùng địa chỉ chung của Phòng.' },
    },
    { name: 'columnTitle', type: 'text', label: 'Tên chuyên mục', required: true, defaultValue: 'Bình đẳng giới' },
    {
      name: 'reportingStartQuarter',
      type: 'text',
      label: 'Quý bắt đầu theo dõi',
      required: true,
      defaultValue: '2022-Q1',
      validate: validQuarter,
    },
    {
      name: 'minimumItemsPerQuarter',
      type: 'number',
      label: 'Số bài tối thiểu mỗi quý',
      required: true,
      defaultValue: 1,
      min: 1,
      max: 100,
    },
    {
      name: 'countedCollections',
      type: 'select',
      hasMany: true,
      label: 'Loại nội dung được tính',
      required: true,
      defaultValue: ['articles'],
      options: COLUMN_COLLECTIONS.map((o) => ({ ...o })),
    },
    {
      name: 'archived',
      type: 'checkbox',
      label: 'Ngừng hoạt động (lưu trữ)',
      defaultValue: false,
      access: platformOnly,
      admin: {
        position: 'sidebar',
        description: 'Ẩn trang của trường và dừng nhắc việc. Nội dung và biên bản các quý vẫn được giữ.',
      },
    },
  ],
};
