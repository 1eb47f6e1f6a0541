/**
 * Site-wide names, from the CMS's public column settings (school name, column
 * title), so a school configures them once, in the admin. SCHOOL_NAME in the
 * environment overrides; `astro check` (SITE_SKIP_SYNC) never calls the CMS.
 */
import { publicPolicy } from './policy';

const settings = process.env.SITE_SKIP_SYNC ? undefined : await publicPolicy();

export const SCHOOL_NAME = process.env.SCHOOL_NAME || settings?.school.name || 'Trường THCS';
export const COLUMN_TITLE = `Chuyên mục ${settings?.columnTitle || 'Bình đẳng giới'}`;
export const SITE_DESCRIPTION = `${COLUMN_TITLE} của ${SCHOOL_NAME}: bài viết, gương điển hình và tài liệu dạy học về bình đẳng giới cho phụ huynh, học sinh và giáo viên.`;
export const PAGE_SIZE = 12;
