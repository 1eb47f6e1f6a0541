import type { GlobalConfig, TextFieldSingleValidation } from 'payload';

import { isQuarterId } from '../../domain/quarter-id';
import { COLUMN_COLLECTIONS } from '../../domain/vocabulary';
import { isAdmin, isStaff } from '../access/roles';

const validQuarter: TextFieldSingleValidation = (value) =>
  value && isQuarterId(value) ? true : 'Nhập quý theo dạng NĂM-Qn, ví dụ 2022-Q1.';

export const ColumnSettings: GlobalConfig = {
  slug: 'column-settings',
  label: 'Cài đặt chuyên mục',
  admin: { group: 'Hệ thống' },
  access: { read: isStaff, update: isAdmin },
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
