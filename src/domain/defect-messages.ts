/**
 * The messages of issue 14's defects 1 and 2 (uploads folder per database,
 * a missing file does not stop the site build), in the catalogue's shape
 * `{ name, title, message(details), hint }`, so they move into the messages
 * catalogue as they are. Vietnamese for editors and readers; English beside it
 * where an operator reads it.
 */

export type Message<D> = { name: string; title: string; message: (details: D) => string; hint: string };

const define = <D>(m: Message<D>) => m;

/** The restore refuses an uploads folder that already holds files (defect 1). */
export const UploadsFolderNotEmpty = define<{ folders: { dir: string; files: number }[] }>({
  name: 'UploadsFolderNotEmpty',
  title: 'Thư mục tệp tải lên đích đã có tệp / The target uploads folder already holds files',
  message: ({ folders }) => {
    const list = folders.map((f) => `${f.dir} (${f.files})`).join(', ');
    return (
      `Thư mục tệp tải lên đích đã có tệp: ${list}. Không ghi gì cả.\n` +
      `The target uploads folder already holds files: ${list}. Nothing was written.`
    );
  },
  hint:
    'Hãy khôi phục vào một thư mục trống (đặt UPLOADS_DIR, hoặc để mặc định: mỗi cơ sở dữ liệu có thư mục riêng), hoặc thêm --replace để chuyển các tệp hiện có sang thư mục bên cạnh (không xoá) và dùng tệp của bản sao lưu.\n' +
    'Restore into an empty folder (set UPLOADS_DIR, or leave the default: each database has its own folder), or add --replace to move the existing files aside (not deleted) and use the backup’s.',
});

/** Files in the old shared data/uploads while this database now uses its own folder (defect 1, upgrade). */
export const LegacyUploadsNotice = define<{ legacy: string; root: string }>({
  name: 'LegacyUploadsNotice',
  title: 'Tệp tải lên cũ nằm ở thư mục dùng chung / Uploads found in the old shared folder',
  message: ({ legacy, root }) =>
    `Cơ sở dữ liệu này dùng thư mục tệp ${root} (chưa có), nhưng ${legacy} đang có tệp.\n` +
    `This database uses the uploads folder ${root} (not there yet), but ${legacy} holds files.`,
  hint:
    'Nếu các tệp đó thuộc cơ sở dữ liệu này, đặt UPLOADS_DIR=data/uploads hoặc chuyển chúng sang thư mục trên.\n' +
    'If those files belong to this database, set UPLOADS_DIR=data/uploads or move them to the folder above.',
});

export const legacyUploadsNotice = (details: { legacy: string; root: string }) => ({
  title: LegacyUploadsNotice.title,
  message: LegacyUploadsNotice.message(details),
  hint: LegacyUploadsNotice.hint,
});

/** One file a published item uses that the CMS could not give the site build (defect 2). */
export type MissingFile = {
  /** The item's collection: articles, model-stories, teaching-resources. */
  collection: string;
  /** The item's id, for a link to it in the admin. */
  id: string;
  /** The item's title, as editors know it. */
  title: string;
  /** The upload collection of the file: media or documents. */
  upload: 'media' | 'documents';
  filename: string;
  /** What the CMS answered: an HTTP status, or a network error. */
  status: string;
};

/** The note readers see in place of a file that could not be published. */
export const AttachmentMissing = define<{ filename: string }>({
  name: 'AttachmentMissing',
  title: 'Tệp tạm thời chưa tải được',
  message: ({ filename }) =>
    `Tệp “${filename}” tạm thời chưa tải được. Nhà trường đang khắc phục; mời thầy cô và các em quay lại sau.`,
  hint: '',
});

const COLLECTION_TEXT: Record<string, string> = {
  articles: 'Bài viết',
  'model-stories': 'Gương điển hình',
  'teaching-resources': 'Tài liệu',
};

/** What editors and the build output are told about the files the site was built without (defect 2). */
export const FilesMissingFromBuild = define<{ files: MissingFile[] }>({
  name: 'FilesMissingFromBuild',
  title: 'Trang đã dựng nhưng thiếu tệp / The site was built without some files',
  message: ({ files }) =>
    [
      `${files.length} tệp không lấy được từ kho lưu trữ; trang vẫn được dựng, các mục dưới đây hiển thị mà không có tệp đó:`,
      `${files.length} file(s) could not be read from storage; the site was built, and these items show without them:`,
      ...files.map(
        (f) =>
          `  - ${COLLECTION_TEXT[f.collection] ?? f.collection} “${f.title}”: ${f.upload}/${f.filename} (${f.status})`,
      ),
    ].join('\n'),
  hint:
    'Mở mục đó trong trang quản trị và tải tệp lên lại (hoặc khôi phục thư mục tệp tải lên từ bản sao lưu), rồi dựng lại trang.\n' +
    'Open the item in the admin and upload the file again (or restore the uploads folder from a backup), then rebuild the site.',
});

export const collectionText = (collection: string) => COLLECTION_TEXT[collection] ?? collection;
