/**
 * Every catalogue message rendered with sample details, into one readable
 * file snapshot (tests/unit/__snapshots__/messages.txt): a change of wording is
 * a visible diff in review. `npx vitest run tests/unit/messages.test.ts -u`
 * accepts an intended change.
 */
import { describe, expect, it } from 'vitest';

import {
  catalogue,
  type DetailsOf,
  formatForTerminal,
  isMessageName,
  type MessageArgs,
  type MessageName,
  renderMessage,
} from '../../src/messages/catalogue';
import { ColumnError } from '../../src/messages/column-error';

/** One sample per entry; the type makes a new entry without a sample a compile error. */
const samples: { [N in MessageName]: DetailsOf<N> } = {
  DatabaseLocked: {},
  DatabaseReadOnly: {},
  DiskFull: {},
  DatabaseLost: {},
  UploadEmpty: { filename: 'trong.pdf' },
  UploadTooHeavy: { filename: 'ke-hoach.pdf', size: '31 MB', limit: '25 MB', noun: 'tài liệu' },
  UploadWrongType: { filename: 'anh.exe', noun: 'ảnh', accepted: 'JPEG, PNG, WebP' },
  UploadTooManyPixels: { filename: 'bom.png', pixels: 400_000_000, maxPixels: 40_000_000 },
  ForgotPasswordNoEmail: {},
  TooManyLogins: { minutes: 7 },
  RebuildNotAllowed: {},
  RebuildQueued: {},
  DeployHookHttp: { status: 502 },
  DeployHookUnreachable: { reason: 'fetch failed' },
  BuildScriptFailed: { code: 1 },
  RebuildRequestFailed: { status: 500 },
  RebuildRequestUnsent: {},
  VideoUrlNotHttps: {},
  VideoUrlInvalid: {},
  QuarterFormat: {},
  StartQuarterAfterCurrent: { current: '2026-Q1' },
  PublishedAtInvalid: { value: '2026-02-30T00:00:00.000Z' },
  CoverageReportFailed: { reason: 'Quý bắt đầu "2022-Q7" không hợp lệ: cần dạng NĂM-Qn, ví dụ 2022-Q1.' },
  CmsUnreachable: { baseUrl: 'http://127.0.0.1:9', reason: 'connect ECONNREFUSED 127.0.0.1:9' },
  CmsHttpStatus: { baseUrl: 'http://cms:3000', status: 500, path: '/api/articles' },
  CmsNotJson: { baseUrl: 'http://cms:3000', path: '/api/topics' },
  CmsListShape: { collection: 'topics' },
  PayloadUrlInvalid: { value: 'cms:3000' },
  PayloadUrlNotHttp: { value: 'ftp://cms' },
  CmsInvalidDocument: {
    collection: 'articles',
    id: '41',
    label: ' (slug "bai-loi")',
    problems: 'trường "publishedAt": Invalid ISO datetime',
    fields: 'publishedAt',
  },
  CmsBrokenReference: {
    collection: 'articles',
    id: '41',
    slug: 'bai-loi',
    field: 'cover',
    problem: 'ảnh bìa (media) id 999 không có hoặc chưa công khai',
    english: 'cover image (media) 999 is missing or not public',
  },
  CmsNoPublicPolicy: {},
  FileDownloadFailed: { filename: 'ke-hoach.pdf', reason: 'The operation was aborted due to timeout' },
  FileHttpStatus: { filename: 'trinh-chieu.odp', status: 500 },
  SecretMissing: {},
  SecretPublicExample: {},
  SecretTooShort: { length: 21, min: 32 },
  DatabaseUriNoFile: {},
  DatabaseUriUnsupported: { value: 'postgres://u:***@h/db' },
  MongoUnreachable: { hosts: 'db1:27017,db2:27018', seconds: 5, cause: 'connect ECONNREFUSED 127.0.0.1:27017' },
  OriginInvalid: { value: 'truong.edu.vn' },
  OriginNotHttp: { value: 'javascript:alert(1)' },
  QuarterMissed: { missed: 'Chuyên mục chưa được cập nhật trong 1 quý: Quý IV/2021 (2021-Q4).' },
  SiteBuildLocked: { lock: '.astro/site-build.lock' },
  StartSiteBuildFailed: {
    reason: 'Dựng trang thất bại; dist/ cũ được giữ nguyên.\nThe site build failed; the previous dist/ is untouched.',
  },
  StartCmsNoAnswer: { url: 'http://localhost:3000', seconds: 120 },
  StartCoverageUnreadable: { file: 'dist/client/coverage.json', reason: 'ENOENT: no such file or directory' },
  CommandFailed: { command: 'payload migrate', outcome: 'exit 1' },
  AdminBuildLocked: { lock: '/srv/cot/.next-build.lock' },
  BadRequest: {},
  MethodNotAllowed: {},
  SiteNotBuilt: {},
  PreviewServerUnavailable: {},
  PreviewServerNoAnswer: {},
  UploadsFolderNotEmpty: { folders: [{ dir: '/srv/cot/data/uploads/media', files: 3 }] },
  LegacyUploadsNotice: { legacy: 'data/uploads', root: 'data/other-uploads' },
  AttachmentMissing: { filename: 'trinh-chieu-khtn-8-tuoi-day-thi.odp' },
  SearchUnavailable: {},
  FilesMissingFromBuild: {
    files: [
      {
        collection: 'teaching-resources',
        id: '7',
        title: 'Tuổi dậy thì',
        upload: 'documents',
        filename: 'trinh-chieu-khtn-8-tuoi-day-thi.odp',
        status: 'HTTP 500',
      },
    ],
  },
  FilesMissingOnDashboard: { count: 1 },
  SettingInvalid: {
    variable: 'MEDIA_MAX_MB',
    value: 'abc',
    expected: { vi: 'cần một số dương (megabyte), ví dụ 10', en: 'expected a positive number of megabytes, e.g. 10' },
  },
  SiteBuildFailed: { reason: '[CmsUnreachable] Không kết nối được CMS tại http://127.0.0.1:9 (…).' },
  PreviewAddressInvalid: {},
  PreviewNeedsLogin: {},
  PreviewSessionExpired: {},
  PreviewNotAllowed: {},
  PreviewNotFound: {},
  PreviewIncomplete: { problems: 'trường "title": tiêu đề trống' },
  PreviewCmsUnreachable: { reason: 'Không kết nối được CMS tại http://cms:3000 (fetch failed).' },
  CoverageBadInstant: { what: 'Mục articles/12 publishedAt', value: 'hôm qua' },
  CoverageBadStart: { start: '2022-Q7' },
  CoverageStartInFuture: { start: '2030-Q1', current: '2026-Q1' },
  CoverageBadMinimum: { value: '0' },
  CoverageNothingCounted: {},
  CoverageBadNow: {},
  CoverageNoPublishedAt: { label: 'Mục articles/12' },
  CoverageInputInvalid: { problems: 'policy.start: Required' },
  CoverageNowNotIso: { value: '2026-01-01' },
  CoverageUsage: { problem: "Unknown option '--jsn'" },
  CoverageOneFormat: {},
  CoverageFileUnreadable: { file: 'dau-vao.json', reason: 'ENOENT' },
  CoverageFileNotJson: { file: 'dau-vao.json', reason: 'Unexpected token' },
  CoverageReportInvalid: { version: 1, path: 'quarters.0.status', problem: 'Invalid option' },
  CoverageReportInconsistent: { quarter: '2022-Q1', status: 'covered', count: 0, items: 0 },
  DistrictUsage: {},
  DistrictBadArguments: { problem: "Option '--xlsx <value>' argument missing" },
  DistrictXlsxName: { file: 'tong-hop.xls' },
  DistrictHttpStatus: { status: 404, url: 'https://thcs-a.edu.vn/binh-dang-gioi/coverage.json' },
  DistrictNotJson: {},
  DistrictTimeout: { seconds: 15 },
  DistrictFileNotFound: {},
  DistrictUnreachable: { cause: 'ENOTFOUND' },
  DistrictUrlInvalid: { url: 'thcs-a.edu.vn/binh-dang-gioi' },
  DistrictTooLarge: { limit: '5 MB' },
  DistrictReadFailed: { problem: 'redirect count exceeded' },
  DistrictNotFetchedYet: {},
  DistrictReportUnreadable: { source: 'https://thcs-a.edu.vn/binh-dang-gioi/', reason: 'không phải JSON hợp lệ' },
  DistrictDuplicateSchool: {
    school: 'THCS Ba Đình',
    times: 2,
    sources: ['https://thcs-b.edu.vn/', 'https://thcs-b.edu.vn/coverage.json'],
  },
  DistrictQuartersMissed: { school: 'THCS Ba Đình', missed: 2 },
  DistrictDashboardSignIn: {},
  DistrictDashboardNotAllowed: {},
  DistrictSchoolQuarterNotFound: { school: 'thcs-ba-dinh', quarter: '2026-Q5' },
  EvidenceSignIn: {},
  EvidenceNotAllowed: {},
  EvidenceAllNotAllowed: {},
  EvidenceSchoolNotFound: { school: 'thcs-ba-dinh' },
  EvidenceBadYear: { year: '25' },
  SchoolRequired: {},
  SchoolLinkOtherSchool: { field: 'Ảnh bìa' },
  SchoolAuthorNotMember: { name: 'Trần Văn Biên Tập' },
  SchoolNotFound: { slug: 'thcs-le-loi' },
  SchoolSlugInvalid: {},
  SchoolBasePathInvalid: {},
  SchoolBasePathTaken: { school: 'Trường THCS Lê Lợi' },
  SelfReportUrlInvalid: {},
  MembershipSelf: {},
  MembershipPlatformRole: {},
  MembershipOtherSchool: {},
  MembershipNotAdmin: {},
  MailRefused: { response: '451 4.3.0 Tạm thời không nhận thư' },
  MailUnreachable: { host: 'mail.truong.edu.vn:587', reason: 'connect ECONNREFUSED' },
  MailFileFailed: { path: 'data/outbox/2027-03-10T01-00-00Z-quarter-reminder-12.eml', reason: 'ENOSPC' },
  MailOutboxOnly: { dir: 'data/outbox' },
  MailStuck: { count: 3, error: 'Không kết nối được máy chủ thư mail.truong.edu.vn:587: connect ECONNREFUSED' },
  UnsubscribeConfirm: { email: 'co.lan@truong.edu.vn' },
  UnsubscribeDone: { email: 'co.lan@truong.edu.vn' },
  UnsubscribeInvalid: {},
  RemindersUsage: {},
  QuarterRecordNotEnded: { quarter: '2026-Q1', end: '2026-03-31T16:59:59.999Z', at: '2026-03-31T09:00:00.000Z' },
  QuarterRecordNotInReport: { quarter: '2021-Q4', first: '2022-Q1', last: '2026-Q2' },
  QuarterRecordImmutable: {},
  QuarterRecordCreateRefused: {},
  QuarterRecordInvalid: { field: 'hash' },
  QuarterRecordExists: { school: 'thcs-nguyen-du', quarter: '2026-Q1' },
  QuarterCloseFailed: {
    school: 'thcs-nguyen-du',
    reason: 'Quý bắt đầu "sai" không hợp lệ: cần dạng NĂM-Qn, ví dụ 2022-Q1. Invalid start quarter; expected YYYY-Qn.',
  },
  RestoreUsage: {},
  BackupArchiveInvalid: { problem: 'tệp bị cắt cụt (kết thúc giữa chừng)' },
  RestoreInterrupted: {},
  RestoreTargetNotEmpty: { filled: 'users (2), articles (5)' },
  RestoreNotKept: { collection: 'articles', count: 0, expected: 5 },
  RestoreFailed: { reason: 'SQLITE_BUSY: database is locked' },
  BackupFailed: { reason: 'ENOSPC: no space left on device' },
  BackupFileMissing: { file: 'media/anh-bia.jpg', id: '12' },
  BackupStrayFiles: { count: 3, dir: 'data/uploads/media', example: 'cu.jpg' },
  RestoreDanglingLinks: { count: 2, example: 'media:99' },
  RestoreFilesSetAside: { folder: 'data/uploads/media.truoc-khoi-phuc-2026-01-01T08-00-00-000Z' },
  RestoreAsSchoolSlugInvalid: { slug: 'THCS Lê Lợi' },
  RestoreSchoolExists: { slug: 'thcs-le-loi' },
  RestoreSchoolAddressTaken: { basePath: '/thcs-le-loi/binh-dang-gioi/', school: 'Trường THCS Lê Lợi' },
  RestoreArchiveNotOneSchool: { count: 3 },
  RestoreAccountMerged: { email: 'bientap@leloi.edu.vn', role: 'editor' },
  RestorePlatformRoleNotCarried: { email: 'quantri@leloi.edu.vn', platformRole: 'platform-admin' },
  RestoreFileRenamed: { collection: 'media', from: 'anh-bia.jpg', to: 'anh-bia-1.jpg' },
  RestoreAsSchoolLeftoverRemoved: { slug: 'thcs-le-loi' },
  ServerError: {},
};

const names = Object.keys(catalogue) as MessageName[];
const render = <N extends MessageName>(name: N) => renderMessage(name, ...([samples[name]] as MessageArgs<N>));

describe('the message catalogue', () => {
  it('renders every entry (snapshot: a change of wording shows as a diff)', async () => {
    const text = names
      .map((name) => {
        const m = render(name);
        const indented = (text: string) => text.replace(/\n/g, '\n         ');
        return [
          `## ${name} (${m.audience})`,
          `title:   ${m.title}`,
          `message: ${indented(m.message)}`,
          `hint:    ${indented(m.hint ?? '—')}`,
        ].join('\n');
      })
      .join('\n\n');
    await expect(`${text}\n`).toMatchFileSnapshot('./__snapshots__/messages.txt');
  });

  it('has a sample for every entry and nothing else', () => {
    expect(Object.keys(samples).sort()).toEqual([...names].sort());
  });

  it('every entry has a title and a message; Vietnamese for editors and readers, English beside it for operators', () => {
    const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
    for (const name of names) {
      const m = render(name);
      expect(m.title.trim(), name).not.toBe('');
      expect(m.message.trim(), name).not.toBe('');
      expect(`${m.title} ${m.text}`, name).toMatch(vietnamese);
      // Operators read the log: the title says it in both languages ("Vietnamese / English").
      if (m.audience === 'operator') expect(m.title, name).toMatch(/ \/ /);
    }
  });

  it('joins message and hint: one line for editors, a paragraph each for operators', () => {
    expect(renderMessage('TooManyLogins', { minutes: 3 }).text).toBe(
      'Quá nhiều lần đăng nhập từ máy này. Hãy thử lại sau 3 phút.',
    );
    expect(renderMessage('PayloadUrlNotHttp', { value: 'x' }).text).not.toContain('\n\n');
    expect(renderMessage('CmsNotJson', { baseUrl: 'http://a', path: '/b' }).text.split('\n')).toHaveLength(4);
  });

  it('tells catalogue names from other strings', () => {
    expect(isMessageName('DiskFull')).toBe(true);
    expect(isMessageName('toString')).toBe(false);
    expect(isMessageName('Ổ đĩa của máy chủ đã đầy')).toBe(false);
    expect(isMessageName(undefined)).toBe(false);
  });
});

describe('ColumnError', () => {
  it('carries the name, the details, the title and the hint; its message is what a person reads', () => {
    const error = new ColumnError('RestoreTargetNotEmpty', { filled: 'users (2)' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RestoreTargetNotEmpty');
    expect(error.code).toBe('RestoreTargetNotEmpty');
    expect(error.details).toEqual({ filled: 'users (2)' });
    expect(error.title).toBe(catalogue.RestoreTargetNotEmpty.title);
    expect(error.hint).toMatch(/--replace/);
    expect(error.message).toBe(renderMessage('RestoreTargetNotEmpty', { filled: 'users (2)' }).text);
    expect(ColumnError.is(error, 'RestoreTargetNotEmpty')).toBe(true);
    expect(ColumnError.is(error, 'DiskFull')).toBe(false);
    expect(ColumnError.is(new Error('RestoreTargetNotEmpty'))).toBe(false);
  });

  it('formats for a terminal: title, message, then the hint', () => {
    const error = new ColumnError('RestoreInterrupted');
    expect(error.format()).toBe(
      [
        '✖ Lần khôi phục trước bị ngắt / The last restore was interrupted',
        '    Lần khôi phục trước đã bị ngắt giữa chừng nên cơ sở dữ liệu chỉ có một phần dữ liệu.',
        '  Gợi ý / Hint:',
        '    Chạy lại lệnh khôi phục với --replace để nạp lại từ đầu.',
      ].join('\n'),
    );
    expect(String(error)).toBe(error.format());
    expect(formatForTerminal({ title: 'T', message: 'a\nb' })).toBe('✖ T\n    a\n    b');
  });
});
