/**
 * Every message the column shows a person, in one place, the way Astro keeps
 * its errors-data: a stable name (what code tests, never the words), a title,
 * a message made from the details, and a hint saying what to do.
 *
 * Vietnamese for editors and readers (`audience: 'editor' | 'reader'`); for
 * operators (terminal, build log) Vietnamese with the English beside it. The
 * snapshot test (tests/unit/messages.test.ts) renders every entry, so a change
 * of wording is a visible diff. Plain TypeScript: no framework imports.
 */

import { collectionText, type MissingFile } from '../domain/missing-file';

export type Audience = 'reader' | 'editor' | 'operator';

export type MessageDefinition<D> = {
  audience: Audience;
  title: string;
  message: (details: D) => string;
  hint?: (details: D) => string;
};

/** Keeps each entry's details type while checking its shape. */
function define<D = Record<string, never>>(definition: MessageDefinition<D>): MessageDefinition<D> {
  return definition;
}

// Not "nothing was saved": on an update Payload may already have replaced files, and the server runs SQLite without transactions.
const SAVE_FAILED = 'Lần lưu này không thành công.';

export const catalogue = {
  // ── Storage, seen by the editor who was saving (src/domain/storage-faults.ts) ──
  DatabaseLocked: define({
    audience: 'editor',
    title: 'Cơ sở dữ liệu đang bận',
    message: () => `Cơ sở dữ liệu đang bị một tiến trình khác giữ (ví dụ đang sao lưu hoặc khôi phục). ${SAVE_FAILED}`,
    hint: () => 'Hãy thử lại sau ít phút.',
  }),
  DatabaseReadOnly: define({
    audience: 'editor',
    title: 'Cơ sở dữ liệu chỉ đọc',
    message: () => `Cơ sở dữ liệu đang ở chế độ chỉ đọc (không ghi được tệp dữ liệu). ${SAVE_FAILED}`,
    hint: () => 'Báo quản trị viên kiểm tra quyền ghi của thư mục dữ liệu.',
  }),
  DiskFull: define({
    audience: 'editor',
    title: 'Ổ đĩa đầy',
    message: () => `Ổ đĩa của máy chủ đã đầy. ${SAVE_FAILED}`,
    hint: () => 'Báo quản trị viên giải phóng dung lượng rồi thử lại.',
  }),
  DatabaseLost: define({
    audience: 'editor',
    title: 'Mất kết nối cơ sở dữ liệu',
    message: () => `Không kết nối được cơ sở dữ liệu. ${SAVE_FAILED}`,
    hint: () => 'Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.',
  }),

  // ── Uploads (src/domain/upload-policy.ts) ──
  UploadEmpty: define<{ filename: string }>({
    audience: 'editor',
    title: 'Tệp trống',
    message: ({ filename }) => `Tệp "${filename}" trống (0 byte).`,
    hint: () => 'Hãy chọn lại tệp.',
  }),
  UploadTooHeavy: define<{ filename: string; size: string; limit: string; noun: string }>({
    audience: 'editor',
    title: 'Tệp quá nặng',
    message: ({ filename, size, limit, noun }) => `Tệp "${filename}" nặng ${size}, vượt giới hạn ${limit} cho ${noun}.`,
    hint: () => 'Hãy nén hoặc thu nhỏ tệp rồi tải lên lại.',
  }),
  UploadWrongType: define<{ filename: string; noun: string; accepted: string }>({
    audience: 'editor',
    title: 'Loại tệp không được chấp nhận',
    message: ({ filename, noun }) =>
      `Nội dung tệp "${filename}" không phải là ${noun} được chấp nhận ` +
      `(hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp).`,
    hint: ({ accepted }) => `Chỉ nhận: ${accepted}.`,
  }),
  /** `pixels`: width × height from the header, undefined when it could not be read. */
  UploadTooManyPixels: define<{ filename: string; pixels?: number; maxPixels: number }>({
    audience: 'editor',
    title: 'Ảnh quá lớn',
    message: ({ filename, pixels, maxPixels }) =>
      `Ảnh "${filename}" quá lớn về kích thước (${pixels === undefined ? 'không đọc được' : `${Math.round(pixels / 1e6)} triệu điểm ảnh`}; tối đa ${Math.round(maxPixels / 1e6)} triệu điểm ảnh).`,
    hint: () => 'Hãy thu nhỏ ảnh (ví dụ cạnh dài 4000 điểm ảnh) rồi tải lên lại.',
  }),

  // ── Sign-in (src/cms/auth/) ──
  ForgotPasswordNoEmail: define({
    audience: 'editor',
    title: 'Thiếu e-mail',
    message: () => 'Hãy nhập địa chỉ e-mail của tài khoản.',
  }),
  TooManyLogins: define<{ minutes: number }>({
    audience: 'editor',
    title: 'Quá nhiều lần đăng nhập',
    message: () => 'Quá nhiều lần đăng nhập từ máy này.',
    hint: ({ minutes }) => `Hãy thử lại sau ${minutes} phút.`,
  }),

  // ── Rebuilding the site (src/cms/site-build/) ──
  RebuildNotAllowed: define({
    audience: 'editor',
    title: 'Không có quyền',
    message: () => 'Chỉ biên tập viên và quản trị viên được yêu cầu dựng lại trang.',
  }),
  RebuildQueued: define({
    audience: 'editor',
    title: 'Đã xếp lịch',
    message: () => 'Đã xếp lịch dựng lại trang.',
  }),
  DeployHookHttp: define<{ status: number }>({
    audience: 'editor',
    title: 'Deploy hook báo lỗi',
    message: ({ status }) => `Deploy hook trả lời HTTP ${status} (SITE_DEPLOY_HOOK_URL).`,
  }),
  DeployHookUnreachable: define<{ reason: string }>({
    audience: 'editor',
    title: 'Không gọi được deploy hook',
    message: ({ reason }) => `Không gọi được deploy hook (SITE_DEPLOY_HOOK_URL): ${reason}`,
  }),
  BuildScriptFailed: define<{ code: number | null }>({
    audience: 'editor',
    title: 'Dựng trang thất bại',
    message: ({ code }) => `scripts/build-site.ts kết thúc với mã ${code}`,
  }),

  // ── The site build (src/site-loader/, src/site/, scripts/build-site.ts) ──
  CmsUnreachable: define<{ baseUrl: string; reason: string }>({
    audience: 'operator',
    title: 'Không kết nối được CMS / Cannot reach the CMS',
    message: ({ baseUrl, reason }) =>
      `Không kết nối được CMS tại ${baseUrl} (${reason}).\nCannot reach the CMS at ${baseUrl} (${reason}).`,
    hint: () =>
      'Kiểm tra PAYLOAD_URL và CMS đang chạy; trang cũ trong dist/ được giữ nguyên.\n' +
      'Check PAYLOAD_URL and that the CMS is running; the previous dist/ is left untouched.',
  }),
  CmsHttpStatus: define<{ baseUrl: string; status: number; path: string }>({
    audience: 'operator',
    title: 'CMS báo lỗi / The CMS answered an error',
    message: ({ baseUrl, status, path }) =>
      `CMS tại ${baseUrl} trả lời ${status} cho ${path}.\nThe CMS at ${baseUrl} answered HTTP ${status} for ${path}.`,
    hint: () => 'Kiểm tra PAYLOAD_URL và nhật ký của CMS.\nCheck PAYLOAD_URL and the CMS logs.',
  }),
  CmsNotJson: define<{ baseUrl: string; path: string }>({
    audience: 'operator',
    title: 'CMS không trả về JSON / The CMS answered non-JSON',
    message: ({ baseUrl, path }) =>
      `CMS tại ${baseUrl} trả về nội dung không phải JSON cho ${path}.\nThe CMS at ${baseUrl} answered non-JSON for ${path}.`,
    hint: () => 'PAYLOAD_URL có trỏ đúng vào Payload không?\nDoes PAYLOAD_URL point at Payload?',
  }),
  CmsListShape: define<{ collection: string }>({
    audience: 'operator',
    title: 'Danh sách sai dạng / Not a Payload list',
    message: ({ collection }) =>
      `CMS trả về danh sách "${collection}" không đúng dạng (thiếu docs/hasNextPage).\n` +
      `The CMS answered a list of "${collection}" without Payload's shape (docs/hasNextPage).`,
  }),
  PayloadUrlInvalid: define<{ value: string }>({
    audience: 'operator',
    title: 'PAYLOAD_URL không hợp lệ / PAYLOAD_URL is invalid',
    message: ({ value }) => `PAYLOAD_URL không hợp lệ: "${value}".\nPAYLOAD_URL is not a URL: "${value}".`,
    hint: () => 'Ví dụ http://localhost:3000.\nFor example http://localhost:3000.',
  }),
  PayloadUrlNotHttp: define<{ value: string }>({
    audience: 'operator',
    title: 'PAYLOAD_URL không phải http(s) / PAYLOAD_URL is not http(s)',
    message: ({ value }) => `PAYLOAD_URL phải là http(s): "${value}".\nPAYLOAD_URL must be http(s): "${value}".`,
  }),
  CmsInvalidDocument: define<{ collection: string; id: string; label: string; problems: string; fields: string }>({
    audience: 'operator',
    title: 'Dữ liệu không hiển thị được / An item the site cannot render',
    message: ({ collection, id, label, problems, fields }) =>
      `CMS trả về dữ liệu trang không hiển thị được: bộ sưu tập "${collection}", tài liệu id ${id}${label}, ${problems}.\n` +
      `The CMS returned an item the site cannot render: collection "${collection}", item ${id}${label}, field(s) ${fields}.`,
    hint: () =>
      'Sửa mục này trong trang quản trị (hoặc lược đồ trong src/site-loader/schemas.ts) rồi dựng lại.\n' +
      'Fix it in the admin (or the schema in src/site-loader/schemas.ts) and build again.',
  }),
  CmsBrokenReference: define<{
    collection: string;
    id: string;
    slug?: string;
    field: string;
    problem: string;
    english: string;
  }>({
    audience: 'operator',
    title: 'Không dựng được trang / Cannot build the page',
    message: ({ collection, id, slug, field, problem, english }) =>
      `Không dựng được trang: bộ sưu tập "${collection}", tài liệu id ${id}${slug ? ` (slug "${slug}")` : ''}, trường "${field}": ${problem}.\n` +
      `Cannot build the page: collection "${collection}", item ${id}, field "${field}": ${english}.`,
  }),
  CmsNoPublicPolicy: define({
    audience: 'operator',
    title: 'Thiếu cài đặt công khai / No public settings',
    message: () =>
      'CMS không trả về cài đặt công khai (/api/globals/column-settings/policy).\nThe CMS returned no public settings.',
  }),
  FileDownloadFailed: define<{ filename: string; reason: string }>({
    audience: 'operator',
    title: 'Không tải được tệp / Cannot download a file',
    message: ({ filename, reason }) =>
      `Không tải được tệp ${filename} từ CMS (${reason}).\nCannot download ${filename} from the CMS (${reason}).`,
  }),
  FileHttpStatus: define<{ filename: string; status: number }>({
    audience: 'operator',
    title: 'CMS không trả tệp / The CMS did not serve a file',
    message: ({ filename, status }) =>
      `CMS trả lời ${status} cho tệp ${filename}.\nThe CMS answered ${status} for ${filename}.`,
  }),
  // ── Settings (src/settings.ts), read by the operator who set the variable ──
  /** `expected`: what the variable takes, in both languages, or a whole message of its own (TRUST_PROXY's). */
  SettingInvalid: define<{ variable: string; value: string; expected: { vi: string; en: string } | string }>({
    audience: 'operator',
    title: 'Cài đặt không hợp lệ / Invalid setting',
    message: ({ variable, value, expected }) =>
      typeof expected === 'string'
        ? expected
        : `${variable}="${value}" không hợp lệ: ${expected.vi}.\n${variable}="${value}" is not valid: ${expected.en}.`,
    hint: ({ variable }) =>
      `Sửa hoặc bỏ biến ${variable} (xem .env.example).\nFix or unset ${variable} (see .env.example).`,
  }),
  /** Readers see this in place of a file that could not be published. */
  AttachmentMissing: define<{ filename: string }>({
    audience: 'reader',
    title: 'Tệp tạm thời chưa tải được',
    message: ({ filename }) =>
      `Tệp “${filename}” tạm thời chưa tải được. Nhà trường đang khắc phục; mời thầy cô và các em quay lại sau.`,
  }),
  /** The build output: what the site was built without. */
  FilesMissingFromBuild: define<{ files: MissingFile[] }>({
    audience: 'operator',
    title: 'Trang đã dựng nhưng thiếu tệp / The site was built without some files',
    message: ({ files }) =>
      [
        `${files.length} tệp không lấy được từ kho lưu trữ; trang vẫn được dựng, các mục dưới đây hiển thị mà không có tệp đó:`,
        `${files.length} file(s) could not be read from storage; the site was built, and these items show without them:`,
        ...files.map(
          (f) => `  - ${collectionText(f.collection)} “${f.title}”: ${f.upload}/${f.filename} (${f.status})`,
        ),
      ].join('\n'),
    hint: () =>
      'Mở mục đó trong trang quản trị và tải tệp lên lại (hoặc khôi phục thư mục tệp tải lên từ bản sao lưu), rồi dựng lại trang.\n' +
      'Open the item in the admin and upload the file again (or restore the uploads folder from a backup), then rebuild the site.',
  }),
  /** The dashboard's build status: the same, for editors. */
  FilesMissingOnDashboard: define<{ count: number }>({
    audience: 'editor',
    title: 'Trang đã dựng nhưng thiếu tệp',
    message: ({ count }) =>
      `Trang đã dựng nhưng thiếu ${count} tệp: các mục dưới đây đang hiển thị cho bạn đọc mà không có tệp đó.`,
    hint: () =>
      'Mở mục đó trong trang quản trị và tải tệp lên lại (hoặc khôi phục thư mục tệp tải lên từ bản sao lưu), rồi dựng lại trang.',
  }),
  QuarterMissed: define<{ missed: string }>({
    audience: 'operator',
    title: 'Bỏ lỡ quý / A quarter was missed',
    message: ({ missed }) => missed,
    hint: () => 'COVERAGE_STRICT=false để chỉ cảnh báo.\nCOVERAGE_STRICT=false to warn only.',
  }),
  SiteBuildLocked: define<{ lock: string }>({
    audience: 'operator',
    title: 'Đang có bản dựng khác / Another build is running',
    message: ({ lock }) => `Một bản dựng trang khác đang giữ ${lock}.\nAnother site build holds ${lock}.`,
  }),
  SiteBuildFailed: define<{ reason: string }>({
    audience: 'operator',
    title: 'Dựng trang thất bại / The site build failed',
    message: ({ reason }) =>
      `Dựng trang thất bại; dist/ cũ được giữ nguyên.\nThe site build failed; the previous dist/ is untouched.\n${reason}`,
  }),

  // ── The draft preview (src/site/lib/draft.ts), read by the editor who pressed "Xem trước" ──
  PreviewAddressInvalid: define({
    audience: 'editor',
    title: 'Không có bản xem trước này',
    message: () => 'Địa chỉ xem trước không đúng.',
    hint: () => 'Hãy mở lại từ nút "Xem trước" trong trang quản trị.',
  }),
  PreviewNeedsLogin: define({
    audience: 'editor',
    title: 'Cần đăng nhập để xem bản nháp',
    message: () => 'Bản xem trước chỉ dành cho người đã đăng nhập trang quản trị.',
    hint: () => 'Hãy đăng nhập rồi bấm lại nút "Xem trước".',
  }),
  PreviewSessionExpired: define({
    audience: 'editor',
    title: 'Phiên đăng nhập đã hết hạn',
    message: () => 'Hãy đăng nhập lại trang quản trị rồi bấm "Xem trước".',
  }),
  PreviewNotAllowed: define({
    audience: 'editor',
    title: 'Không xem được bản nháp này',
    message: () => 'Phiên đăng nhập đã hết hạn hoặc tài khoản của bạn không được xem bản nháp này.',
    hint: () => 'Hãy đăng nhập lại trang quản trị rồi bấm "Xem trước".',
  }),
  PreviewNotFound: define({
    audience: 'editor',
    title: 'Không tìm thấy bản nháp',
    message: () => 'Bài này không còn trong CMS (có thể đã bị xóa).',
  }),
  PreviewIncomplete: define<{ problems: string }>({
    audience: 'editor',
    title: 'Bản nháp chưa đủ để xem trước',
    message: ({ problems }) => `Hãy bổ sung trong trang quản trị rồi xem lại: ${problems}.`,
  }),
  PreviewCmsUnreachable: define<{ reason: string }>({
    audience: 'editor',
    title: 'Không kết nối được CMS',
    message: ({ reason }) => `Trang xem trước chưa lấy được bản nháp từ CMS. Thử lại sau ít phút. (${reason})`,
  }),

  // ── The coverage rule's input (src/domain/coverage.ts), read in the admin panel and by `npm run coverage` ──
  CoverageBadInstant: define<{ what: string; value: string }>({
    audience: 'operator',
    title: 'Thời điểm không hợp lệ / Invalid timestamp',
    message: ({ what, value }) =>
      `${what}: "${value}" không phải thời điểm hợp lệ (cần dạng ISO 8601 có múi giờ, ví dụ 2022-03-31T09:00:00+07:00). ` +
      `Not a valid ISO 8601 timestamp with a time zone.`,
  }),
  CoverageBadStart: define<{ start: string }>({
    audience: 'operator',
    title: 'Quý bắt đầu không hợp lệ / Invalid start quarter',
    message: ({ start }) =>
      `Quý bắt đầu "${start}" không hợp lệ: cần dạng NĂM-Qn, ví dụ 2022-Q1. Invalid start quarter; expected YYYY-Qn.`,
  }),
  CoverageStartInFuture: define<{ start: string; current: string }>({
    audience: 'operator',
    title: 'Quý bắt đầu ở tương lai / Start quarter in the future',
    message: ({ start, current }) =>
      `Quý bắt đầu ${start} nằm sau quý hiện tại ${current}. The start quarter is in the future.`,
  }),
  CoverageBadMinimum: define<{ value: string }>({
    audience: 'operator',
    title: 'Số bài tối thiểu không hợp lệ / Invalid minimum',
    message: ({ value }) =>
      `Số bài tối thiểu mỗi quý phải là số nguyên từ 1 trở lên (nhận được ${value}). minPerQuarter must be an integer ≥ 1.`,
  }),
  CoverageNothingCounted: define({
    audience: 'operator',
    title: 'Không có nội dung được tính / Nothing is counted',
    message: () => 'Chưa chọn loại nội dung nào được tính. No collection is counted.',
  }),
  CoverageBadNow: define({
    audience: 'operator',
    title: 'Thời điểm "now" không hợp lệ / Invalid "now"',
    message: () => 'Thời điểm "now" không hợp lệ. Invalid "now".',
  }),
  /** `label`: "Mục articles/12". */
  CoverageNoPublishedAt: define<{ label: string }>({
    audience: 'operator',
    title: 'Thiếu ngày đăng / No publication date',
    message: ({ label }) => `${label} đã xuất bản nhưng thiếu publishedAt. A published item has no publishedAt.`,
  }),
  CoverageInputInvalid: define<{ problems: string }>({
    audience: 'operator',
    title: 'Tệp đầu vào sai cấu trúc / Invalid input file',
    message: ({ problems }) => `Tệp đầu vào sai cấu trúc (invalid input file): ${problems}`,
  }),
  CoverageNowNotIso: define<{ value: string }>({
    audience: 'operator',
    title: 'Thời điểm "now" không hợp lệ / Invalid "now"',
    message: ({ value }) => `"now" = "${value}" không phải thời điểm ISO 8601 có múi giờ. Invalid "now".`,
  }),

  // ── `npm run coverage` (scripts/coverage.ts) ──
  CoverageUsage: define<{ problem: string }>({
    audience: 'operator',
    title: 'Cách dùng / Usage',
    message: ({ problem }) => problem,
    hint: () => 'Dùng: npm run coverage -- [--input FILE] [--json | --csv] [--strict]',
  }),
  CoverageOneFormat: define({
    audience: 'operator',
    title: 'Hai định dạng / Two output formats',
    message: () => 'Chọn một trong --json hoặc --csv (choose one output format).',
  }),
  CoverageFileUnreadable: define<{ file: string; reason: string }>({
    audience: 'operator',
    title: 'Không đọc được tệp / Cannot read the file',
    message: ({ file, reason }) => `Không đọc được tệp "${file}" (${reason}). Cannot read the input file.`,
  }),
  CoverageFileNotJson: define<{ file: string; reason: string }>({
    audience: 'operator',
    title: 'Tệp không phải JSON / Not JSON',
    message: ({ file, reason }) => `Tệp "${file}" không phải JSON hợp lệ: ${reason}. The input file is not valid JSON.`,
  }),

  // ── Backup and restore (scripts/backup.ts, scripts/restore.ts, src/cms/backup/) ──
  RestoreUsage: define({
    audience: 'operator',
    title: 'Cách dùng / Usage',
    message: () => 'Cách dùng: npm run restore -- <tệp sao lưu .tar.gz> [--replace]',
  }),
  BackupArchiveInvalid: define<{ problem: string }>({
    audience: 'operator',
    title: 'Bản sao lưu hỏng / Damaged backup',
    message: ({ problem }) =>
      `Không khôi phục: bản sao lưu bị hỏng hoặc không đầy đủ (${problem}). Không có gì được ghi.`,
  }),
  RestoreInterrupted: define({
    audience: 'operator',
    title: 'Lần khôi phục trước bị ngắt / The last restore was interrupted',
    message: () => 'Lần khôi phục trước đã bị ngắt giữa chừng nên cơ sở dữ liệu chỉ có một phần dữ liệu.',
    hint: () => 'Chạy lại lệnh khôi phục với --replace để nạp lại từ đầu.',
  }),
  RestoreTargetNotEmpty: define<{ filled: string }>({
    audience: 'operator',
    title: 'Cơ sở dữ liệu đích có nội dung / The target database is not empty',
    message: ({ filled }) => `Cơ sở dữ liệu đích đã có nội dung: ${filled}. Không ghi gì cả.`,
    hint: () =>
      'Hãy khôi phục vào một cơ sở dữ liệu trống, hoặc thêm --replace để XOÁ nội dung hiện có và thay bằng bản sao lưu.',
  }),
  /** The restore refuses an uploads folder that already holds files (another install's, most likely). */
  UploadsFolderNotEmpty: define<{ folders: { dir: string; files: number }[] }>({
    audience: 'operator',
    title: 'Thư mục tệp tải lên đích đã có tệp / The target uploads folder already holds files',
    message: ({ folders }) => {
      const list = folders.map((f) => `${f.dir} (${f.files})`).join(', ');
      return (
        `Thư mục tệp tải lên đích đã có tệp: ${list}. Không ghi gì cả.\n` +
        `The target uploads folder already holds files: ${list}. Nothing was written.`
      );
    },
    hint: () =>
      'Hãy khôi phục vào một thư mục trống (đặt UPLOADS_DIR, hoặc để mặc định: mỗi cơ sở dữ liệu có thư mục riêng), hoặc thêm --replace để chuyển các tệp hiện có sang thư mục bên cạnh (không xoá) và dùng tệp của bản sao lưu.\n' +
      'Restore into an empty folder (set UPLOADS_DIR, or leave the default: each database has its own folder), or add --replace to move the existing files aside (not deleted) and use the backup’s.',
  }),
  /** Files in the old shared data/uploads while this database now uses its own folder (an upgraded install). */
  LegacyUploadsNotice: define<{ legacy: string; root: string }>({
    audience: 'operator',
    title: 'Tệp tải lên cũ nằm ở thư mục dùng chung / Uploads found in the old shared folder',
    message: ({ legacy, root }) =>
      `Cơ sở dữ liệu này dùng thư mục tệp ${root} (chưa có), nhưng ${legacy} đang có tệp.\n` +
      `This database uses the uploads folder ${root} (not there yet), but ${legacy} holds files.`,
    hint: () =>
      'Nếu các tệp đó thuộc cơ sở dữ liệu này, đặt UPLOADS_DIR=data/uploads hoặc chuyển chúng sang thư mục trên.\n' +
      'If those files belong to this database, set UPLOADS_DIR=data/uploads or move them to the folder above.',
  }),
  RestoreNotKept: define<{ collection: string; count: number; expected: number }>({
    audience: 'operator',
    title: 'Dữ liệu không được giữ lại / The database lost the data',
    message: ({ collection, count, expected }) =>
      `cơ sở dữ liệu không giữ lại dữ liệu vừa ghi (${collection}: ${count} thay vì ${expected}); có thể một tiến trình khác đang dùng tệp dữ liệu.`,
    hint: () => 'Dừng máy chủ rồi chạy lại.',
  }),
  RestoreFailed: define<{ reason: string }>({
    audience: 'operator',
    title: 'Khôi phục thất bại / Restore failed',
    message: ({ reason }) => `Khôi phục thất bại, cơ sở dữ liệu được giữ nguyên như trước: ${reason}`,
  }),
  BackupFailed: define<{ reason: string }>({
    audience: 'operator',
    title: 'Sao lưu thất bại / Backup failed',
    message: ({ reason }) => `Sao lưu thất bại, không có tệp nào được tạo: ${reason}`,
  }),

  // ── The CMS server (scripts/cms-server.ts) ──
  ServerError: define({
    audience: 'reader',
    title: 'Lỗi máy chủ / Server error',
    message: () => 'Lỗi máy chủ. Server error.',
  }),
} as const;

export type Catalogue = typeof catalogue;
export type MessageName = keyof Catalogue;
export type DetailsOf<N extends MessageName> = Parameters<Catalogue[N]['message']>[0];

/** Entries whose details may be left out. */
type NoDetails = { [N in MessageName]: Record<string, never> extends DetailsOf<N> ? N : never }[MessageName];

/** Arguments of a message: the details, optional when there are none. */
export type MessageArgs<N extends MessageName> = N extends NoDetails
  ? [details?: DetailsOf<N>]
  : [details: DetailsOf<N>];

export type RenderedMessage = {
  name: MessageName;
  audience: Audience;
  title: string;
  message: string;
  hint?: string;
  /** Message and hint as one text, as a person reads it in one place (an admin toast, a status field). */
  text: string;
};

export function isMessageName(value: unknown): value is MessageName {
  return typeof value === 'string' && Object.hasOwn(catalogue, value);
}

export function renderMessage<N extends MessageName>(name: N, ...[details]: MessageArgs<N>): RenderedMessage {
  const entry = catalogue[name] as MessageDefinition<unknown>;
  const message = entry.message(details ?? {});
  const hint = entry.hint?.(details ?? {});
  // Bilingual operator texts are paragraphs per language; editors read one line.
  const joiner = entry.audience === 'operator' ? '\n' : ' ';
  return {
    name,
    audience: entry.audience,
    title: entry.title,
    message,
    hint,
    text: hint ? `${message}${joiner}${hint}` : message,
  };
}

/** What a terminal shows: the title, the message and the hint ("Gợi ý / Hint"). */
export function formatForTerminal(rendered: Pick<RenderedMessage, 'title' | 'message' | 'hint'>): string {
  const indent = (text: string) => text.replace(/^/gm, '    ');
  return [
    `✖ ${rendered.title}`,
    indent(rendered.message),
    ...(rendered.hint ? ['  Gợi ý / Hint:', indent(rendered.hint)] : []),
  ].join('\n');
}
