/**
 * Site-wide names, from the CMS's public column settings (school name, column
 * title), so a school configures them once, in the admin. SCHOOL_NAME in the
 * setting overrides; `astro check --skip-cms` never calls the CMS.
 */
import { settings } from '../../settings';
import { skipsCms } from '../build-flags';
import { publicPolicy } from './policy';

const column = skipsCms() ? undefined : await publicPolicy();

export const SCHOOL_NAME = settings().SCHOOL_NAME || column?.school.name || 'Trường THCS';
/** The column's own name ("Bình đẳng giới"); COLUMN_TITLE is how the pages head it. */
export const COLUMN_NAME = column?.columnTitle || 'Bình đẳng giới';
export const COLUMN_TITLE = `Chuyên mục ${COLUMN_NAME}`;
export const SITE_DESCRIPTION = `${COLUMN_TITLE} của ${SCHOOL_NAME}: bài viết, gương điển hình và tài liệu dạy học về bình đẳng giới cho phụ huynh, học sinh và giáo viên.`;
export const PAGE_SIZE = 12;
