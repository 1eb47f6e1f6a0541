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
import { quarterLabel } from '../domain/quarters';
import { labelOf, PLATFORM_ROLES, type PlatformRole, type Role, ROLES } from '../domain/vocabulary';
import { formatVietnamDateTime } from '../domain/vietnam-time';

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

const SECRET_HOW =
  'Tạo một chuỗi ngẫu nhiên (ví dụ: `openssl rand -hex 32`) và đặt vào biến môi trường PAYLOAD_SECRET.\n' +
  'Generate one with `openssl rand -hex 32` and set PAYLOAD_SECRET.';

// A timestamp that does not parse (a hand-edited report) is shown as written rather than failing the message.
const vietnamTime = (iso: string) =>
  Number.isNaN(Date.parse(iso)) ? iso : formatVietnamDateTime(iso, { seconds: true });

const DISTRICT_USAGE =
  'Dùng: npm run district -- <địa chỉ trang hoặc tệp coverage.json>... [--out THƯ_MỤC] [--xlsx TỆP.xlsx]';

const ORIGINS_HINT =
  'Sửa PAYLOAD_PUBLIC_SERVER_URL hoặc CMS_ALLOWED_ORIGINS (xem .env.example).\n' +
  'Fix PAYLOAD_PUBLIC_SERVER_URL or CMS_ALLOWED_ORIGINS (see .env.example).';

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
  /** The "Dựng lại trang ngay" button: the server answered an error without a message of its own. */
  RebuildRequestFailed: define<{ status: number }>({
    audience: 'editor',
    title: 'Yêu cầu không thành công',
    message: ({ status }) => `Lỗi ${status}`,
  }),
  RebuildRequestUnsent: define({
    audience: 'editor',
    title: 'Không gửi được yêu cầu',
    message: () => 'Không gửi được yêu cầu.',
    hint: () => 'Kiểm tra kết nối mạng rồi thử lại.',
  }),

  // ── Field validation in the admin, read by the editor filling the form (src/cms/) ──
  VideoUrlNotHttps: define({
    audience: 'editor',
    title: 'Đường dẫn video không an toàn',
    message: () => 'Đường dẫn video phải bắt đầu bằng https:// (kết nối an toàn).',
  }),
  VideoUrlInvalid: define({
    audience: 'editor',
    title: 'Đường dẫn video không hợp lệ',
    message: () => 'Đường dẫn video không hợp lệ.',
    hint: () => 'Hãy dán địa chỉ đầy đủ, ví dụ https://www.youtube.com/watch?v=…',
  }),
  QuarterFormat: define({
    audience: 'editor',
    title: 'Quý không đúng dạng',
    message: () => 'Nhập quý theo dạng NĂM-Qn, ví dụ 2022-Q1.',
  }),
  /** `current`: the current quarter, "2026-Q1". */
  StartQuarterAfterCurrent: define<{ current: string }>({
    audience: 'editor',
    title: 'Quý bắt đầu ở tương lai',
    message: ({ current }) => `Quý bắt đầu không được sau quý hiện tại (${current}).`,
  }),
  PublishedAtInvalid: define<{ value: string }>({
    audience: 'editor',
    title: 'Ngày đăng không hợp lệ',
    message: ({ value }) => `Ngày đăng "${value}" không phải ngày giờ hợp lệ.`,
    hint: () => 'Hãy chọn lại ngày trong lịch.',
  }),
  /** The dashboard's coverage panel, when the report cannot be made from the settings. */
  CoverageReportFailed: define<{ reason: string }>({
    audience: 'editor',
    title: 'Không lập được báo cáo',
    message: ({ reason }) => `Không lập được báo cáo: ${reason}`,
    hint: () => 'Hãy kiểm tra "Cài đặt chuyên mục" (quý bắt đầu, số bài tối thiểu).',
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
      'CMS không trả về cài đặt công khai của trường (/api/schools/policy).\nThe CMS returned no public school settings.',
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
  // ── Starting the CMS (src/domain/secret-policy.ts, database-url.ts, allowed-origins.ts), read by the operator ──
  SecretMissing: define({
    audience: 'operator',
    title: 'Máy chủ không khởi động: thiếu PAYLOAD_SECRET / Server not started: no PAYLOAD_SECRET',
    message: () => 'Thiếu PAYLOAD_SECRET ở chế độ production (PAYLOAD_SECRET is missing in production).',
    hint: () => SECRET_HOW,
  }),
  SecretPublicExample: define({
    audience: 'operator',
    title: 'Máy chủ không khởi động: PAYLOAD_SECRET công khai / Server not started: public PAYLOAD_SECRET',
    message: () =>
      'PAYLOAD_SECRET đang là giá trị mẫu công khai trong README, không an toàn (PAYLOAD_SECRET is a public example value).',
    hint: () => SECRET_HOW,
  }),
  SecretTooShort: define<{ length: number; min: number }>({
    audience: 'operator',
    title: 'Máy chủ không khởi động: PAYLOAD_SECRET quá ngắn / Server not started: PAYLOAD_SECRET too short',
    message: ({ length, min }) =>
      `PAYLOAD_SECRET quá ngắn: ${length} ký tự, cần ít nhất ${min} ` +
      `(PAYLOAD_SECRET is ${length} characters, needs at least ${min}).`,
    hint: () => SECRET_HOW,
  }),
  DatabaseUriNoFile: define({
    audience: 'operator',
    title: 'DATABASE_URI thiếu tên tệp / DATABASE_URI names no file',
    message: () => 'DATABASE_URI "file:" không có tên tệp.\nDATABASE_URI "file:" names no file.',
    hint: () => 'Ví dụ: DATABASE_URI=file:./data/cms.db\nExample: DATABASE_URI=file:./data/cms.db',
  }),
  /** `value`: the URI with its password replaced by ***. */
  DatabaseUriUnsupported: define<{ value: string }>({
    audience: 'operator',
    title: 'DATABASE_URI không được hỗ trợ / Unsupported DATABASE_URI',
    message: ({ value }) =>
      `DATABASE_URI phải bắt đầu bằng "file:", "mongodb://" hoặc "mongodb+srv://" (nhận được "${value}").\n` +
      `DATABASE_URI must start with "file:", "mongodb://" or "mongodb+srv://" (got "${value}").`,
    hint: () =>
      'Bỏ trống để dùng tệp SQLite có sẵn data/cms.db.\nLeave it unset to use the embedded SQLite file data/cms.db.',
  }),
  /** `hosts`: host[:port] list, never the credentials. */
  MongoUnreachable: define<{ hosts: string; seconds: number; cause: string }>({
    audience: 'operator',
    title: 'Không kết nối được MongoDB / Cannot reach MongoDB',
    message: ({ hosts, seconds, cause }) =>
      `Không kết nối được tới MongoDB tại ${hosts} sau ${seconds} giây.\n` +
      `Cannot reach MongoDB at ${hosts} within ${seconds} s (${cause}).`,
    hint: () =>
      'Hãy kiểm tra: máy chủ MongoDB đang chạy, địa chỉ và cổng trong DATABASE_URI đúng, tường lửa cho phép kết nối, tên người dùng/mật khẩu đúng.\n' +
      'Check that the server is running, the host and port in DATABASE_URI are right, the firewall allows the connection, and the credentials are valid.',
  }),
  OriginInvalid: define<{ value: string }>({
    audience: 'operator',
    title: 'Địa chỉ không hợp lệ / Not a URL',
    message: ({ value }) =>
      `Địa chỉ "${value}" trong PAYLOAD_PUBLIC_SERVER_URL / CMS_ALLOWED_ORIGINS không hợp lệ (ví dụ https://truong.edu.vn).\n` +
      `"${value}" in PAYLOAD_PUBLIC_SERVER_URL / CMS_ALLOWED_ORIGINS is not a URL (e.g. https://truong.edu.vn).`,
    hint: () => ORIGINS_HINT,
  }),
  OriginNotHttp: define<{ value: string }>({
    audience: 'operator',
    title: 'Địa chỉ không phải http(s) / Not an http(s) origin',
    message: ({ value }) => `Chỉ chấp nhận http/https: "${value}".\nOnly http(s) origins: "${value}".`,
    hint: () => ORIGINS_HINT,
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
  /** Readers see this on the search page when the index could not be loaded (src/site/pages/tim-kiem/). */
  SearchUnavailable: define({
    audience: 'reader',
    title: 'Chưa tải được ô tìm kiếm',
    message: () => 'Chưa tải được ô tìm kiếm, có thể do mạng chậm hoặc bị ngắt.',
    hint: () => 'Mời thầy cô và các em tải lại trang, hoặc tìm bài theo danh sách:',
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

  // ── `npm start` (scripts/start.ts, scripts/lib/admin-build.ts) ──
  /** `reason`: SiteBuildFailed's text. */
  StartSiteBuildFailed: define<{ reason: string }>({
    audience: 'operator',
    title: 'Trang công khai chưa dựng được / The public site was not built',
    message: ({ reason }) => reason,
    hint: () =>
      'Trang quản trị vẫn chạy; trang công khai cũ, nếu có, vẫn được phục vụ.\n' +
      'The admin is still running; the previous public site, if any, is still served.',
  }),
  StartCmsNoAnswer: define<{ url: string; seconds: number }>({
    audience: 'operator',
    title: 'CMS không trả lời / The CMS did not answer',
    message: ({ url, seconds }) =>
      `CMS không trả lời tại ${url} sau ${seconds} giây.\nThe CMS did not answer at ${url} within ${seconds} s.`,
    hint: () => 'Xem nhật ký của CMS ở trên.\nSee the CMS log above.',
  }),
  StartCoverageUnreadable: define<{ file: string; reason: string }>({
    audience: 'operator',
    title: 'Không đọc được báo cáo theo quý / Cannot read the coverage report',
    message: ({ file, reason }) => `Không đọc được ${file}: ${reason}\nCannot read ${file}: ${reason}`,
  }),
  /** `outcome`: "exit 1" or the signal. */
  CommandFailed: define<{ command: string; outcome: string }>({
    audience: 'operator',
    title: 'Lệnh thất bại / A command failed',
    message: ({ command, outcome }) => `${command} → ${outcome}`,
  }),
  AdminBuildLocked: define<{ lock: string }>({
    audience: 'operator',
    title: 'Đang có bản dựng trang quản trị khác / Another admin build is running',
    message: ({ lock }) => `Một bản dựng trang quản trị khác đang giữ ${lock}.\nAnother admin build holds ${lock}.`,
  }),

  // ── The static site server (scripts/serve-site.ts, scripts/lib/render-server.ts), read in the browser ──
  BadRequest: define({
    audience: 'reader',
    title: 'Địa chỉ không hợp lệ / Bad request',
    message: () => 'Địa chỉ không hợp lệ. Bad request.',
  }),
  MethodNotAllowed: define({
    audience: 'reader',
    title: 'Phương thức không được hỗ trợ / Method not allowed',
    message: () => 'Phương thức không được hỗ trợ. Method not allowed.',
  }),
  SiteNotBuilt: define({
    audience: 'reader',
    title: 'Trang chưa được dựng / Not built yet',
    message: () => 'Trang chưa được dựng. The site has not been built yet.',
  }),
  PreviewServerUnavailable: define({
    audience: 'editor',
    title: 'Chưa có máy chủ xem trước',
    message: () =>
      'Chưa có máy chủ xem trước: trang chưa được dựng, hoặc máy chủ không khởi động được.\nThe preview server is not available.',
  }),
  PreviewServerNoAnswer: define({
    audience: 'editor',
    title: 'Máy chủ xem trước không trả lời',
    message: () => 'Máy chủ xem trước không trả lời. The preview server did not answer.',
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

  // ── A published coverage.json read back (src/domain/coverage-report-schema.ts): a reason in the district report ──
  CoverageReportInvalid: define<{ version: number; path: string; problem: string }>({
    audience: 'operator',
    title: 'coverage.json sai định dạng / Not a coverage.json',
    message: ({ version, path, problem }) => `không đúng định dạng coverage.json v${version} (${path}: ${problem})`,
  }),
  CoverageReportInconsistent: define<{ quarter: string; status: string; count: number; items: number }>({
    audience: 'operator',
    title: 'Số liệu quý mâu thuẫn / Inconsistent quarter',
    message: ({ quarter, status, count, items }) =>
      `số liệu quý ${quarter} mâu thuẫn (trạng thái ${status}, ${count} bài, ${items} mục)`,
  }),

  // ── `npm run district` (scripts/district.ts): why a school's report could not be read, and what it found ──
  DistrictUsage: define({
    audience: 'operator',
    title: 'Cách dùng / Usage',
    message: () => DISTRICT_USAGE,
  }),
  /** `problem`: what Node's argument parser said (an unknown option, an option without its value). */
  DistrictBadArguments: define<{ problem: string }>({
    audience: 'operator',
    title: 'Cách dùng / Usage',
    message: ({ problem }) => problem,
    hint: () => DISTRICT_USAGE,
  }),
  DistrictXlsxName: define<{ file: string }>({
    audience: 'operator',
    title: 'Tên tệp bảng tính / Workbook file name',
    message: ({ file }) =>
      `Tệp bảng tính "${file}" cần có đuôi .xlsx để Excel mở được. The workbook file name must end in .xlsx.`,
    hint: () => DISTRICT_USAGE,
  }),
  DistrictHttpStatus: define<{ status: number; url: string }>({
    audience: 'operator',
    title: 'Máy chủ báo lỗi / HTTP error',
    message: ({ status, url }) => `máy chủ trả lời HTTP ${status} cho ${url}`,
  }),
  DistrictNotJson: define({
    audience: 'operator',
    title: 'Không phải JSON / Not JSON',
    message: () => 'không phải JSON hợp lệ',
  }),
  DistrictTimeout: define<{ seconds: number }>({
    audience: 'operator',
    title: 'Quá thời gian chờ / Timed out',
    message: ({ seconds }) => `quá thời gian chờ (${seconds} giây)`,
  }),
  DistrictFileNotFound: define({
    audience: 'operator',
    title: 'Không tìm thấy tệp / File not found',
    message: () => 'không tìm thấy tệp',
  }),
  /** `cause`: the network error's code, "ECONNREFUSED". */
  DistrictUnreachable: define<{ cause: string }>({
    audience: 'operator',
    title: 'Không kết nối được / Cannot connect',
    message: ({ cause }) => `không kết nối được (${cause})`,
  }),
  /** `url`: as it was given. */
  DistrictUrlInvalid: define<{ url: string }>({
    audience: 'operator',
    title: 'Địa chỉ không hợp lệ / Invalid address',
    message: ({ url }) => `địa chỉ không hợp lệ (${url})`,
    hint: () =>
      'Nhập địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://: trang chuyên mục của trường (ví dụ https://thcs-nguyen-du.edu.vn/binh-dang-gioi/) hoặc tệp coverage.json của nó.\n' +
      "Give the full http:// or https:// address of the school's column or of its coverage.json.",
  }),
  /** `limit`: the largest report read, as formatBytes writes it. */
  DistrictTooLarge: define<{ limit: string }>({
    audience: 'operator',
    title: 'Báo cáo quá lớn / Report too large',
    message: ({ limit }) => `tệp báo cáo lớn hơn ${limit}, không phải một coverage.json`,
  }),
  /** `problem`: what failed, in the words of Node or the server (a redirect loop, a file that is a folder). */
  DistrictReadFailed: define<{ problem: string }>({
    audience: 'operator',
    title: 'Không đọc được / Cannot read',
    message: ({ problem }) => `không đọc được (${problem})`,
  }),
  /** A self-reported school just added: the job has not fetched its coverage.json yet. */
  DistrictNotFetchedYet: define({
    audience: 'operator',
    title: 'Chưa tải báo cáo / Not fetched yet',
    message: () => 'chưa tải báo cáo lần nào (hệ thống tải mỗi giờ)',
  }),
  /** `reason`: one of the District… messages above, or the report's own problem. */
  DistrictReportUnreadable: define<{ source: string; reason: string }>({
    audience: 'operator',
    title: 'Không đọc được báo cáo / Cannot read a report',
    message: ({ source, reason }) => `Không đọc được báo cáo của ${source}: ${reason}`,
  }),
  DistrictDuplicateSchool: define<{ school: string; times: number; sources: string[] }>({
    audience: 'operator',
    title: 'Trường được liệt kê nhiều lần / A school listed more than once',
    message: ({ school, times, sources }) =>
      `${school} được liệt kê ${times} lần (${sources.join(', ')}): chỉ tính một lần, theo báo cáo mới nhất.`,
  }),
  DistrictQuartersMissed: define<{ school: string; missed: number }>({
    audience: 'operator',
    title: 'Trường bỏ lỡ quý / A school missed quarters',
    message: ({ school, missed }) => `${school}: bỏ lỡ ${missed} quý`,
  }),

  // ── The district dashboard in the admin (src/cms/district/) ──
  DistrictDashboardSignIn: define({
    audience: 'editor',
    title: 'Cần đăng nhập',
    message: () => 'Bảng tổng hợp các trường chỉ dành cho tài khoản đã đăng nhập.',
    hint: () => 'Hãy đăng nhập bằng tài khoản cán bộ Phòng GDĐT hoặc quản trị nền tảng.',
  }),
  DistrictDashboardNotAllowed: define({
    audience: 'editor',
    title: 'Không có quyền',
    message: () => 'Chỉ cán bộ Phòng GDĐT và quản trị nền tảng được xem bảng tổng hợp các trường.',
    hint: () => 'Tình hình của trường bạn có ở Bảng điều khiển, mục "Duy trì chuyên mục theo quý".',
  }),
  /** `school`, `quarter`: the address's segments, as typed. */
  DistrictSchoolQuarterNotFound: define<{ school: string; quarter: string }>({
    audience: 'editor',
    title: 'Không tìm thấy',
    message: ({ school, quarter }) => `Bảng tổng hợp không có trường "${school}" ở quý "${quarter}".`,
    hint: () => 'Hãy quay lại bảng tổng hợp và chọn một ô trong bảng.',
  }),

  // ── A school's evidence for the annual report (src/cms/district/evidence-data.ts) ──
  EvidenceSignIn: define({
    audience: 'editor',
    title: 'Cần đăng nhập',
    message: () => 'Minh chứng cho báo cáo năm chỉ dành cho tài khoản đã đăng nhập.',
    hint: () => 'Hãy đăng nhập bằng tài khoản quản trị của trường, cán bộ Phòng GDĐT hoặc quản trị nền tảng.',
  }),
  EvidenceNotAllowed: define({
    audience: 'editor',
    title: 'Không có quyền',
    message: () =>
      'Minh chứng của một trường chỉ dành cho quản trị của chính trường đó, cán bộ Phòng GDĐT và quản trị nền tảng.',
    hint: () => 'Hãy nhờ quản trị của trường in hoặc tải minh chứng.',
  }),
  EvidenceAllNotAllowed: define({
    audience: 'editor',
    title: 'Không có quyền',
    message: () => 'Minh chứng của tất cả các trường cùng lúc chỉ dành cho cán bộ Phòng GDĐT và quản trị nền tảng.',
    hint: () => 'Quản trị trường in hoặc tải minh chứng của trường mình, từng trường một.',
  }),
  /** `school`: the slug as the address gave it. */
  EvidenceSchoolNotFound: define<{ school: string }>({
    audience: 'editor',
    title: 'Không tìm thấy trường',
    message: ({ school }) => `Không có trường nào đang hoạt động với mã "${school}".`,
    hint: () => 'Hãy mở minh chứng từ bảng tổng hợp các trường hoặc từ trang một quý của trường.',
  }),
  /** `year`: as the address gave it. */
  EvidenceBadYear: define<{ year: string }>({
    audience: 'editor',
    title: 'Năm không hợp lệ',
    message: ({ year }) => `"${year}" không phải là một năm (cần bốn chữ số, ví dụ 2025).`,
    hint: () => 'Hãy chọn năm trong bảng tổng hợp các trường.',
  }),

  // ── Closing a quarter: the record the closing job stores (src/domain/quarter-record.ts) ──
  /** `end`: the quarter's last millisecond; `at`: the moment of the record or of its report. ISO instants. */
  QuarterRecordNotEnded: define<{ quarter: string; end: string; at: string }>({
    audience: 'operator',
    title: 'Quý chưa kết thúc / The quarter has not ended',
    message: ({ quarter, end, at }) =>
      `${quarterLabel(quarter)} (${quarter}) kết thúc lúc ${vietnamTime(end)} (giờ Việt Nam); lúc ${vietnamTime(at)} quý chưa kết thúc nên chưa chốt được kết quả.\n` +
      `${quarter} ends at ${end}; at ${at} it had not ended, so it cannot be recorded yet.`,
    hint: () =>
      'Kết quả một quý chỉ được chốt từ báo cáo lập sau khi quý kết thúc; lần chạy sau sẽ chốt.\n' +
      'A quarter is recorded only from a report made after it ended; a later run records it.',
  }),
  /** `first`, `last`: the report's first and last quarters. */
  QuarterRecordNotInReport: define<{ quarter: string; first: string; last: string }>({
    audience: 'operator',
    title: 'Báo cáo không có quý này / The report has no such quarter',
    message: ({ quarter, first, last }) =>
      `Báo cáo của trường không có quý "${quarter}" (báo cáo từ ${first} đến ${last}).\n` +
      `The school's report has no quarter "${quarter}" (it covers ${first} to ${last}).`,
    hint: () =>
      'Quý viết dạng NĂM-Qn, không trước quý bắt đầu trong "Cài đặt chuyên mục" và không sau quý hiện tại.\n' +
      'Write the quarter as YYYY-Qn, not before the policy start and not after the current quarter.',
  }),
  // The stored records (src/cms/collections/QuarterRecords.ts): nobody's API reaches these
  // writes; they stop server code (Local API, even with overrideAccess).
  QuarterRecordImmutable: define({
    audience: 'operator',
    title: 'Biên bản quý không sửa được / A quarter record cannot be changed',
    message: () =>
      'Biên bản của một quý đã chốt không sửa và không xóa được, kể cả với quyền quản trị.\n' +
      "A closed quarter's record cannot be edited or deleted, not even by an administrator.",
    hint: () =>
      'Nếu dữ liệu hôm nay khác biên bản, bảng theo dõi của Phòng ghi rõ chỗ khác bên cạnh kết quả đã chốt.\n' +
      "Where today's data differs, the district dashboard shows it beside the closed result.",
  }),
  QuarterRecordCreateRefused: define({
    audience: 'operator',
    title: 'Không tạo được biên bản quý / A quarter record cannot be created here',
    message: () =>
      'Chỉ tác vụ chốt quý (closeQuarters) mới tạo biên bản quý.\n' +
      'Only the quarter-closing job (closeQuarters) creates quarter records.',
    hint: () =>
      'Biên bản được tạo tự động sau khi quý kết thúc (hàng đợi district, mỗi ngày lúc 00:05 giờ Việt Nam).\n' +
      'Records are made automatically once a quarter has ended (queue "district", daily at 00:05 Vietnam time).',
  }),
  /** `field`: the document's field that disagrees with its record (or "hash"). */
  QuarterRecordInvalid: define<{ field: string }>({
    audience: 'operator',
    title: 'Biên bản quý không khớp / A quarter record does not match',
    message: ({ field }) =>
      `Mục "${field}" không khớp với nội dung biên bản (record) nên biên bản không được lưu.\n` +
      `The field "${field}" does not match the record, so the record was not stored.`,
  }),
  QuarterRecordExists: define<{ school: string; quarter: string }>({
    audience: 'operator',
    title: 'Quý đã được chốt / The quarter is already recorded',
    message: ({ school, quarter }) =>
      `${quarterLabel(quarter)} (${quarter}) của trường «${school}» đã có biên bản; mỗi quý chỉ chốt một lần.\n` +
      `${quarter} of school "${school}" already has its record; a quarter is recorded once.`,
  }),
  /** `reason`: the error's own message (a catalogue message, or the database's). */
  QuarterCloseFailed: define<{ school: string; reason: string }>({
    audience: 'operator',
    title: 'Không chốt được quý / Could not record the ended quarters',
    message: ({ school, reason }) =>
      `Không chốt được các quý đã kết thúc của trường «${school}» / Could not record the ended quarters of school "${school}":\n${reason}`,
    hint: () =>
      'Các trường khác vẫn được chốt. Sửa lỗi trên; lần chạy sau sẽ chốt bù các quý còn thiếu.\n' +
      'Other schools were recorded. Fix the problem above; the next run records the missing quarters.',
  }),

  // ── Backup and restore (scripts/backup.ts, scripts/restore.ts, src/cms/backup/) ──
  RestoreUsage: define({
    audience: 'operator',
    title: 'Cách dùng / Usage',
    message: () => 'Cách dùng: npm run restore -- <tệp sao lưu .tar.gz> [--replace | --as-school <mã trường>]',
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
  /** Warnings kept in the backup's manifest and printed by `npm run backup`. */
  BackupFileMissing: define<{ file: string; id: string }>({
    audience: 'operator',
    title: 'Thiếu tệp tải lên / An uploaded file is missing',
    message: ({ file, id }) => `Thiếu tệp ${file} (của mục ${id}) trong thư mục tải lên: bản sao lưu không có tệp này.`,
  }),
  BackupStrayFiles: define<{ count: number; dir: string; example: string }>({
    audience: 'operator',
    title: 'Tệp không thuộc mục nào / Files no item uses',
    message: ({ count, dir, example }) =>
      `${count} tệp trong ${dir} không thuộc mục nào (ví dụ ${example}): không đưa vào bản sao lưu.`,
  }),
  RestoreDanglingLinks: define<{ count: number; example: string }>({
    audience: 'operator',
    title: 'Liên kết tới mục không có / Links to missing items',
    message: ({ count, example }) => `${count} liên kết trỏ tới mục không có trong bản sao lưu (ví dụ ${example}).`,
  }),
  RestoreFilesSetAside: define<{ folder: string }>({
    audience: 'operator',
    title: 'Tệp cũ được chuyển sang bên cạnh / Existing files moved aside',
    message: ({ folder }) => `Các tệp có sẵn trước đó được chuyển sang ${folder} (không bị xoá).`,
  }),

  // ── One school's backup into a district install (npm run restore -- FILE --as-school <slug>) ──
  RestoreAsSchoolSlugInvalid: define<{ slug: string }>({
    audience: 'operator',
    title: 'Mã trường không hợp lệ / Invalid school slug',
    message: ({ slug }) =>
      `Mã trường «${slug}» không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ thcs-le-loi. Không ghi gì cả.\n` +
      `The school slug "${slug}" is not valid: lower-case letters without accents, digits and hyphens, e.g. thcs-le-loi. Nothing was written.`,
  }),
  RestoreSchoolExists: define<{ slug: string }>({
    audience: 'operator',
    title: 'Đã có trường này / The school already exists',
    message: ({ slug }) =>
      `Hệ thống đã có trường mã «${slug}». Không ghi gì cả.\n` +
      `This install already has a school with the slug "${slug}". Nothing was written.`,
    hint: () =>
      'Chọn một mã khác cho trường được khôi phục: --as-school <mã khác>. Danh sách trường: trang quản trị, Hệ thống → Trường.\n' +
      'Choose another slug for the restored school: --as-school <other-slug>. The schools are listed in the admin (Hệ thống → Trường).',
  }),
  /** `school`: the name of the school whose column address overlaps. */
  RestoreSchoolAddressTaken: define<{ basePath: string; school: string }>({
    audience: 'operator',
    title: 'Địa chỉ chuyên mục đã có trường dùng / The column address is taken',
    message: ({ basePath, school }) =>
      `Địa chỉ chuyên mục ${basePath} của trường mới trùng hoặc lồng với địa chỉ của ${school}. Không ghi gì cả.\n` +
      `The new school's column address ${basePath} is the same as, or overlaps, that of ${school}. Nothing was written.`,
    hint: () =>
      'Chọn một mã trường khác (--as-school), hoặc đổi đường dẫn chuyên mục của trường kia trong trang quản trị.\n' +
      "Choose another slug (--as-school), or change the other school's column address in the admin.",
  }),
  RestoreArchiveNotOneSchool: define<{ count: number }>({
    audience: 'operator',
    title: 'Bản sao lưu không phải của một trường / Not one school’s backup',
    message: ({ count }) =>
      `Bản sao lưu này có ${count} trường; --as-school chỉ nạp bản sao lưu của một trường (sao lưu từ hệ thống riêng của trường đó). Không ghi gì cả.\n` +
      `This backup holds ${count} schools; --as-school loads one school's backup only (made on that school's own install). Nothing was written.`,
    hint: () =>
      'Để chuyển cả hệ thống, khôi phục không có --as-school vào một cơ sở dữ liệu trống.\n' +
      'To move a whole install, restore without --as-school into an empty database.',
  }),
  /** An account of the archive whose e-mail the target already has; `role`: its role in the archived school, if any. */
  RestoreAccountMerged: define<{ email: string; role: Role | null }>({
    audience: 'operator',
    title: 'Tài khoản đã có / Existing account',
    message: ({ email, role }) =>
      role
        ? `Tài khoản ${email} đã có trên hệ thống: giữ nguyên (không tạo thêm, không ghi đè), chỉ thêm vào trường mới với vai trò ${labelOf(ROLES, role)}.\n` +
          `The account ${email} already exists: kept as it is (neither duplicated nor overwritten), only added to the new school as ${role}.`
        : `Tài khoản ${email} đã có trên hệ thống: giữ nguyên; trong bản sao lưu nó không có vai trò ở trường nên không được thêm vào trường mới.\n` +
          `The account ${email} already exists: kept as it is; it had no role in the archived school, so it was not added to the new one.`,
  }),
  RestorePlatformRoleNotCarried: define<{ email: string; platformRole: PlatformRole }>({
    audience: 'operator',
    title: 'Không chuyển vai trò trên nền tảng / Platform role not carried over',
    message: ({ email, platformRole }) =>
      `${email} là «${labelOf(PLATFORM_ROLES, platformRole)}» trong bản sao lưu; vai trò này không được chuyển sang: khôi phục một trường không trao quyền trên toàn hệ thống.\n` +
      `${email} is ${platformRole} in the backup; that role was not carried over: restoring a school grants no rights over the whole install.`,
    hint: () =>
      'Nếu cần, quản trị nền tảng cấp lại vai trò trong trang quản trị (Hệ thống → Người dùng).\n' +
      'If needed, a platform admin grants it again in the admin (Hệ thống → Người dùng).',
  }),
  /** An uploaded file whose name another school's file already has on disk. */
  RestoreFileRenamed: define<{ collection: string; from: string; to: string }>({
    audience: 'operator',
    title: 'Tệp được đổi tên / File renamed',
    message: ({ collection, from, to }) =>
      `Tệp ${collection}/${from} trùng tên với một tệp đã có trên hệ thống: được lưu thành ${collection}/${to}.\n` +
      `The file ${collection}/${from} has the name of a file already on the install: stored as ${collection}/${to}.`,
  }),
  /** A restore --as-school that was killed on a database without transactions (a standalone MongoDB). */
  RestoreAsSchoolLeftoverRemoved: define<{ slug: string }>({
    audience: 'operator',
    title: 'Đã dọn lần khôi phục bị ngắt / Interrupted restore cleaned up',
    message: ({ slug }) =>
      `Lần khôi phục trường «${slug}» trước đó bị ngắt giữa chừng: phần dữ liệu và tệp nó để lại đã được xoá.\n` +
      `An earlier restore of the school "${slug}" was interrupted: the data and files it left behind were removed.`,
  }),

  // ── A request either server could not answer (scripts/cms-server.ts, scripts/serve-site.ts) ──
  ServerError: define({
    audience: 'reader',
    title: 'Lỗi máy chủ / Server error',
    message: () => 'Lỗi máy chủ. Server error.',
  }),
  // ── Schools on a district install (src/cms/fields/school.ts, src/cms/auth/memberships.ts, docs/ACCESS.md) ──
  SchoolRequired: define({
    audience: 'editor',
    title: 'Chưa chọn trường',
    message: () => 'Chưa rõ mục này thuộc trường nào.',
    hint: () => 'Chọn trường ở ô «Trường» (thanh bên, hoặc bộ chọn trường ở đầu menu) rồi lưu lại.',
  }),
  /** `field`: the field's label, "Ảnh bìa". */
  SchoolLinkOtherSchool: define<{ field: string }>({
    audience: 'editor',
    title: 'Không dùng được nội dung của trường khác',
    message: ({ field }) => `«${field}» đang chọn ảnh, tài liệu hoặc chủ đề của một trường khác.`,
    hint: () => 'Chỉ chọn ảnh, tài liệu và chủ đề của trường mình; cần thì tải tệp lên thư viện của trường.',
  }),
  /** `name`: the author's name. */
  SchoolAuthorNotMember: define<{ name: string }>({
    audience: 'editor',
    title: 'Tác giả không thuộc trường',
    message: ({ name }) => `${name} không phải thành viên của trường này.`,
    hint: () => 'Chỉ chọn tác giả là giáo viên, cán bộ của trường.',
  }),
  /** `slug`: the school asked for; empty when none was named and the install has no school yet. */
  SchoolNotFound: define<{ slug: string }>({
    audience: 'operator',
    title: 'Không có trường này / No such school',
    message: ({ slug }) =>
      slug
        ? `Không có trường nào có mã «${slug}».\nNo school has the slug "${slug}".`
        : 'Hệ thống chưa có trường nào.\nThe install has no school yet.',
    hint: () =>
      'Xem danh sách trường trong trang quản trị (Hệ thống → Trường) hoặc chạy `npm run seed`.\n' +
      'See the schools in the admin (Hệ thống → Trường), or run `npm run seed`.',
  }),
  SchoolSlugInvalid: define({
    audience: 'editor',
    title: 'Mã trường không hợp lệ',
    message: () => 'Mã trường chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ thcs-nguyen-du.',
  }),
  SchoolBasePathInvalid: define({
    audience: 'editor',
    title: 'Đường dẫn chuyên mục không hợp lệ',
    message: () =>
      'Đường dẫn bắt đầu và kết thúc bằng «/», gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ /thcs-nguyen-du/binh-dang-gioi/.',
  }),
  /** `school`: the school whose address overlaps. */
  SchoolBasePathTaken: define<{ school: string }>({
    audience: 'editor',
    title: 'Đường dẫn trùng với trường khác',
    message: ({ school }) => `Đường dẫn này trùng hoặc nằm trong đường dẫn của ${school}.`,
    hint: () => 'Mỗi trường cần một đường dẫn riêng, ví dụ /<mã trường>/binh-dang-gioi/.',
  }),
  /** A self-reported school's address in the admin (src/cms/collections/SelfReportedSchools.ts). */
  SelfReportUrlInvalid: define({
    audience: 'editor',
    title: 'Địa chỉ báo cáo không hợp lệ',
    message: () => 'Địa chỉ báo cáo phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.',
    hint: () =>
      'Dán địa chỉ trang chuyên mục của trường (ví dụ https://thcs-nguyen-du.edu.vn/binh-dang-gioi/) hoặc địa chỉ tệp coverage.json của trang đó.',
  }),
  MembershipSelf: define({
    audience: 'editor',
    title: 'Không tự đổi quyền của mình',
    message: () => 'Bạn không thể tự thêm, bớt hay đổi trường, vai trò của chính mình.',
    hint: () => 'Nhờ một quản trị viên khác (của trường hoặc của nền tảng) thay đổi.',
  }),
  MembershipPlatformRole: define({
    audience: 'editor',
    title: 'Không đổi được vai trò trên nền tảng',
    message: () => 'Chỉ quản trị nền tảng mới giao vai trò quản trị nền tảng hoặc cán bộ Phòng GD&ĐT.',
  }),
  MembershipOtherSchool: define({
    audience: 'editor',
    title: 'Không đổi được thành viên của trường khác',
    message: () => 'Bạn chỉ thêm, bớt hay đổi vai trò thành viên ở trường mình quản trị.',
    hint: () => 'Để nguyên các dòng của trường khác; quản trị viên của trường đó sẽ thay đổi.',
  }),
  MembershipNotAdmin: define({
    audience: 'editor',
    title: 'Không có quyền quản lý thành viên',
    message: () => 'Chỉ quản trị viên của trường mới thêm hoặc đổi thành viên của trường.',
  }),

  // ── Mail (src/cms/mail/): what the outbox shows admins, and the unsubscribe page ──
  MailRefused: define<{ response: string }>({
    audience: 'editor',
    title: 'Máy chủ thư từ chối',
    message: ({ response }) => `Máy chủ thư (SMTP_URL) từ chối nhận thư: ${response}`,
    hint: () =>
      'Thư vẫn nằm trong hộp thư đi và sẽ được tự gửi lại. Nếu lỗi kéo dài, hãy kiểm tra tài khoản, mật khẩu và địa chỉ người gửi (MAIL_FROM) với nhà cung cấp thư.',
  }),
  MailUnreachable: define<{ host: string; reason: string }>({
    audience: 'editor',
    title: 'Không kết nối được máy chủ thư',
    message: ({ host, reason }) => `Không kết nối được máy chủ thư ${host}: ${reason}`,
    hint: () =>
      'Thư vẫn nằm trong hộp thư đi và sẽ được tự gửi lại khi máy chủ thư trả lời. Kiểm tra SMTP_URL và mạng.',
  }),
  MailFileFailed: define<{ path: string; reason: string }>({
    audience: 'editor',
    title: 'Không ghi được thư ra tệp',
    message: ({ path, reason }) => `Không ghi được thư vào ${path}: ${reason}`,
    hint: () =>
      'Thư vẫn nằm trong hộp thư đi và sẽ được ghi lại. Kiểm tra thư mục MAIL_OUTBOX_DIR còn chỗ trống và ghi được.',
  }),
  MailOutboxOnly: define<{ dir: string }>({
    audience: 'editor',
    title: 'Chưa cấu hình máy chủ thư',
    message: ({ dir }) => `Chưa đặt SMTP_URL: thư không được gửi đi mà được ghi thành tệp .eml trong ${dir}.`,
    hint: () => 'Đặt SMTP_URL (và MAIL_FROM) rồi khởi động lại để thư đến tay người nhận.',
  }),
  MailStuck: define<{ count: number; error: string }>({
    audience: 'editor',
    title: 'Có thư chưa gửi được',
    message: ({ count, error }) => `${count} thư chưa gửi được. Lỗi gần nhất: ${error}`,
    hint: () => 'Hệ thống tự thử lại, giãn dần đến mỗi giờ một lần; không thư nào bị bỏ.',
  }),
  UnsubscribeConfirm: define<{ email: string }>({
    audience: 'reader',
    title: 'Tắt thư nhắc?',
    message: ({ email }) =>
      `Tài khoản ${email} sẽ không nhận thư nhắc viết bài, thư kết quả chốt quý và thư tổng hợp nữa.`,
    hint: () => 'Thư tài khoản (đặt lại mật khẩu, lời mời) vẫn được gửi.',
  }),
  UnsubscribeDone: define<{ email: string }>({
    audience: 'reader',
    title: 'Đã tắt thư nhắc',
    message: ({ email }) => `Tài khoản ${email} sẽ không nhận thư nhắc và thư tổng hợp nữa.`,
    hint: () => 'Muốn nhận lại, hãy đăng nhập trang quản trị, mở tài khoản của mình và bỏ chọn "Không nhận thư nhắc".',
  }),
  UnsubscribeInvalid: define({
    audience: 'reader',
    title: 'Liên kết không dùng được',
    message: () => 'Liên kết tắt thư nhắc này không đúng hoặc đã bị cắt mất một phần.',
    hint: () => 'Hãy mở lại liên kết từ thư, hoặc đăng nhập trang quản trị để tắt thư nhắc trong tài khoản của mình.',
  }),
  RemindersUsage: define({
    audience: 'operator',
    title: 'Cách dùng npm run reminders / Using npm run reminders',
    message: () =>
      'Dùng: npm run reminders -- --now <thời điểm ISO 8601> [--dry-run]\n' +
      'Usage: npm run reminders -- --now <ISO 8601 instant> [--dry-run]',
    hint: () =>
      'Ví dụ: npm run reminders -- --now 2027-03-10T08:00:00+07:00 --dry-run (in ra ai nhận thư gì, không gửi).\n' +
      'e.g. … --dry-run prints who would get what and sends nothing.',
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

/** What a terminal shows: the title, the message and the hint ("Gợi ý / Hint"); ⚠ for what does not stop anything. */
export function formatForTerminal(
  rendered: Pick<RenderedMessage, 'title' | 'message' | 'hint'>,
  mark: '✖' | '⚠' = '✖',
): string {
  const indent = (text: string) => text.replace(/^/gm, '    ');
  return [
    `${mark} ${rendered.title}`,
    indent(rendered.message),
    ...(rendered.hint ? ['  Gợi ý / Hint:', indent(rendered.hint)] : []),
  ].join('\n');
}
