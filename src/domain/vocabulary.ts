/**
 * The column's controlled vocabularies: stored values (English, stable) and
 * the Vietnamese labels readers and editors see. One list each, used by the
 * CMS schema, the seed and the site.
 */

export type Option<V extends string = string> = { readonly value: V; readonly label: string };

const options = <const T extends readonly Option[]>(list: T) => list;

export const ROLES = options([
  { value: 'admin', label: 'Quản trị viên' },
  { value: 'editor', label: 'Biên tập viên' },
  { value: 'contributor', label: 'Cộng tác viên' },
] as const);
export type Role = (typeof ROLES)[number]['value'];

/** Roles over the whole install, beside the per-school roles above: a person has at most one. */
export const PLATFORM_ROLES = options([
  { value: 'platform-admin', label: 'Quản trị nền tảng' },
  { value: 'district-officer', label: 'Cán bộ Phòng GD&ĐT' },
] as const);
export type PlatformRole = (typeof PLATFORM_ROLES)[number]['value'];

export const AUDIENCES = options([
  { value: 'parents', label: 'Phụ huynh' },
  { value: 'students', label: 'Học sinh' },
  { value: 'teachers', label: 'Giáo viên' },
] as const);
export type Audience = (typeof AUDIENCES)[number]['value'];

/** Key dates of the plan; `day`/`month` are the start in Vietnam's calendar. */
export const CAMPAIGNS = options([
  { value: 'women-day-8-3', label: 'Ngày Quốc tế Phụ nữ 8/3' },
  { value: 'happiness-day-20-3', label: 'Ngày Quốc tế Hạnh phúc 20/3' },
  { value: 'family-day-28-6', label: 'Ngày Gia đình Việt Nam 28/6' },
  {
    value: 'action-month-15-11',
    label: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11–15/12)',
  },
] as const);
export type Campaign = (typeof CAMPAIGNS)[number]['value'];

export const MODEL_STORY_KINDS = options([
  { value: 'individual', label: 'Cá nhân' },
  { value: 'family', label: 'Gia đình' },
  { value: 'class', label: 'Tập thể lớp' },
  { value: 'practice', label: 'Cách làm hay' },
] as const);
export type ModelStoryKind = (typeof MODEL_STORY_KINDS)[number]['value'];

/** Lower-secondary subjects and educational activities of the 2018 general curriculum. */
export const SUBJECTS = options([
  { value: 'ngu-van', label: 'Ngữ văn' },
  { value: 'toan', label: 'Toán' },
  { value: 'tieng-anh', label: 'Tiếng Anh' },
  { value: 'gdcd', label: 'Giáo dục công dân' },
  { value: 'lich-su-dia-li', label: 'Lịch sử và Địa lí' },
  { value: 'khtn', label: 'Khoa học tự nhiên' },
  { value: 'cong-nghe', label: 'Công nghệ' },
  { value: 'tin-hoc', label: 'Tin học' },
  { value: 'gdtc', label: 'Giáo dục thể chất' },
  { value: 'nghe-thuat', label: 'Nghệ thuật' },
  { value: 'hdtn-hn', label: 'Hoạt động trải nghiệm, hướng nghiệp' },
  { value: 'gd-dia-phuong', label: 'Nội dung giáo dục địa phương' },
] as const);
export type Subject = (typeof SUBJECTS)[number]['value'];

export const GRADES = options([
  { value: '6', label: 'Lớp 6' },
  { value: '7', label: 'Lớp 7' },
  { value: '8', label: 'Lớp 8' },
  { value: '9', label: 'Lớp 9' },
] as const);
export type Grade = (typeof GRADES)[number]['value'];

export const RESOURCE_KINDS = options([
  { value: 'lesson-plan', label: 'Kế hoạch bài dạy' },
  { value: 'slides', label: 'Bài trình chiếu' },
  { value: 'worksheet', label: 'Phiếu học tập' },
  { value: 'video', label: 'Video' },
  { value: 'reference', label: 'Tài liệu tham khảo' },
] as const);
export type ResourceKind = (typeof RESOURCE_KINDS)[number]['value'];

/** The collections whose items may count toward the quarterly column. */
export const COLUMN_COLLECTIONS = options([
  { value: 'articles', label: 'Bài viết' },
  { value: 'model-stories', label: 'Gương điển hình' },
  { value: 'teaching-resources', label: 'Tài liệu dạy học' },
] as const);
export type ColumnCollection = (typeof COLUMN_COLLECTIONS)[number]['value'];

export function labelOf<V extends string>(list: readonly Option<V>[], value: V): string {
  return list.find((o) => o.value === value)?.label ?? value;
}
