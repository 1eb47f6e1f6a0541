/** Site-wide settings from the environment (the CMS's column settings are not public). */
export const SCHOOL_NAME = import.meta.env.SCHOOL_NAME ?? process.env.SCHOOL_NAME ?? 'Trường THCS Nguyễn Du';
export const COLUMN_TITLE = 'Chuyên mục Bình đẳng giới';
export const SITE_DESCRIPTION = `${COLUMN_TITLE} của ${SCHOOL_NAME}: bài viết, gương điển hình và tài liệu dạy học về bình đẳng giới cho phụ huynh, học sinh và giáo viên.`;
export const PAGE_SIZE = 12;
