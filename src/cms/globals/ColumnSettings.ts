import type { Endpoint, GlobalConfig, TextFieldSingleValidation } from 'payload';

import { isQuarterId, parseQuarterId } from '../../domain/quarter-id';
import { compareQuarters, quarterIdOf, quarterOf } from '../../domain/quarters';
import { COLUMN_COLLECTIONS } from '../../domain/vocabulary';
import { renderMessage } from '../../messages/catalogue';
import { isAdmin, isStaff } from '../access/roles';
import { rebuildAfterSettings } from '../site-build/hooks';

const validQuarter: TextFieldSingleValidation = (value) => {
  if (!value || !isQuarterId(value)) return renderMessage('QuarterFormat').text;
  // A start in the future would make every report fail: nothing to measure yet.
  if (compareQuarters(parseQuarterId(value), quarterOf(new Date())) > 0) {
    return renderMessage('StartQuarterAfterCurrent', { current: quarterIdOf(new Date()) }).text;
  }
  return true;
};

/**
 * GET /api/globals/column-settings/policy: the public part of the settings,
 * which the static site needs for its coverage page and build check. Exactly
 * what the published coverage.json shows anyway; the rest stays staff-only.
 */
const publicPolicy: Endpoint = {
  path: '/policy',
  method: 'get',
  handler: async (req) => {
    const settings = await req.payload.findGlobal({ slug: 'column-settings', depth: 0, req });
    return Response.json(
      {
        school: { name: settings.schoolName ?? '', district: settings.district ?? '' },
        columnTitle: settings.columnTitle ?? '',
        policy: {
          start: settings.reportingStartQuarter,
          minPerQuarter: settings.minimumItemsPerQuarter,
          countedCollections: settings.countedCollections ?? ['articles'],
        },
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  },
};

export const ColumnSettings: GlobalConfig = {
  slug: 'column-settings',
  label: 'Cài đặt chuyên mục',
  admin: { group: 'Hệ thống' },
  access: { read: isStaff, update: isAdmin },
  endpoints: [publicPolicy],
  hooks: { afterChange: [rebuildAfterSettings] },
  fields: [
    { name: 'schoolName', type: 'text', label: 'Tên trường', required: true, defaultValue: 'Trường THCS' },
    { name: 'district', type: 'text', label: 'Phòng GDĐT quản lý', defaultValue: '' },
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
  ],
};
