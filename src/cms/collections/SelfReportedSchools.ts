import type { Access, CollectionConfig, Field, TextFieldSingleValidation } from 'payload';

import { coverageJsonUrl } from '../../district/fetch-report';
import { renderMessage } from '../../messages/catalogue';
import { mayAnywhere } from '../access/actor';
import { isPlatformAdminAccess, nobody } from '../access/roles';
import { fetchAfterUrlChange, SELF_REPORTED_SCHOOLS } from '../district/self-reports';

/** The district's people: platform admins and district officers (the "district-dashboard" action). */
const readsTheDistrict: Access = ({ req }) => mayAnywhere(req, 'district-dashboard');

const validCoverageUrl: TextFieldSingleValidation = (value) => {
  try {
    coverageJsonUrl(value ?? '');
    return true;
  } catch {
    return renderMessage('SelfReportUrlInvalid').text;
  }
};

/** Written by the fetch job alone (through overrideAccess); people only read them. */
const systemWritten = { create: nobody, update: nobody };
const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } as const;
const fetchedFields: Field[] = [
  {
    name: 'lastFetchedAt',
    type: 'date',
    label: 'Lần tải gần nhất',
    access: systemWritten,
    admin: { readOnly: true, position: 'sidebar', date: dayAndTime },
  },
  {
    name: 'lastSuccessAt',
    type: 'date',
    label: 'Lần tải được gần nhất',
    access: systemWritten,
    admin: {
      readOnly: true,
      position: 'sidebar',
      date: dayAndTime,
      description: 'Số liệu trên bảng tổng hợp là của lần tải này.',
    },
  },
  {
    name: 'lastError',
    type: 'textarea',
    label: 'Lỗi lần tải gần nhất',
    access: systemWritten,
    admin: {
      readOnly: true,
      position: 'sidebar',
      description:
        'Trống khi lần tải gần nhất thành công. Khi có lỗi, bảng tổng hợp vẫn giữ số liệu lần tải được trước.',
    },
  },
  // The catalogue's name for the error: what code (the dashboard) reacts to.
  { name: 'lastErrorName', type: 'text', label: 'Mã lỗi', access: systemWritten, admin: { hidden: true } },
  {
    name: 'lastReport',
    type: 'json',
    label: 'Báo cáo tải được gần nhất (coverage.json)',
    access: systemWritten,
    admin: { readOnly: true, condition: (data) => Boolean(data?.lastReport) },
  },
];

/**
 * A school that runs its own install: known to the district by the address
 * of its published coverage.json, which a job fetches every hour (and right
 * after the school is added or its address changes) and validates as
 * `npm run district` does. On the district's report it is "tự báo cáo",
 * beside the hosted schools whose figures come from this database. A failed
 * fetch keeps the last good report and records why beside it.
 */
export const SelfReportedSchools: CollectionConfig = {
  slug: SELF_REPORTED_SCHOOLS,
  labels: { singular: 'Trường tự báo cáo', plural: 'Trường tự báo cáo' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'district', 'coverageUrl', 'lastSuccessAt', 'lastError'],
    group: 'Hệ thống',
    description:
      'Trường tự cài đặt chuyên mục trên máy chủ riêng. Hệ thống tải tệp coverage.json của trường mỗi giờ và đưa vào bảng tổng hợp với nhãn "tự báo cáo".',
  },
  access: {
    read: readsTheDistrict,
    create: isPlatformAdminAccess,
    update: isPlatformAdminAccess,
    delete: isPlatformAdminAccess,
  },
  hooks: {
    beforeValidate: [
      ({ data }) => {
        if (typeof data?.coverageUrl === 'string') data.coverageUrl = data.coverageUrl.trim();
        return data;
      },
    ],
    afterChange: [fetchAfterUrlChange],
  },
  fields: [
    { name: 'name', type: 'text', label: 'Tên trường', required: true },
    { name: 'district', type: 'text', label: 'Phòng GDĐT quản lý', defaultValue: '' },
    {
      name: 'coverageUrl',
      type: 'text',
      label: 'Địa chỉ báo cáo',
      required: true,
      validate: validCoverageUrl,
      admin: {
        description:
          'Địa chỉ trang chuyên mục của trường (ví dụ https://thcs-nguyen-du.edu.vn/binh-dang-gioi/) hoặc địa chỉ tệp coverage.json của trang đó.',
      },
    },
    ...fetchedFields,
  ],
};
