/**
 * The one table of file types the column accepts, with the label readers and
 * editors see: the upload policy checks against it, the CMS collections list
 * its MIME types, the site labels each download with it, the seed names its
 * formats after it.
 */

export type FileType = {
  mime: string;
  /** The first is the one a stored file gets when its name has none of these. */
  extensions: readonly [string, ...string[]];
  /** Short, and read inside parentheses on the site: "(Word DOCX, 12 KB)". */
  label: string;
};

export const IMAGE_TYPES = [
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  { mime: 'image/webp', extensions: ['webp'], label: 'WebP' },
  { mime: 'image/avif', extensions: ['avif'], label: 'AVIF' },
] as const satisfies readonly FileType[];

/*
 * Labels: the name teachers know the program by, then the extension they see
 * on the file. OpenDocument formats are named by what they are ("Văn bản",
 * "Trình chiếu"), head noun first as Vietnamese puts it, since "OpenDocument"
 * means nothing to most readers.
 */
export const DOCUMENT_TYPES = [
  { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word DOCX',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint PPTX',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel XLSX',
  },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'Văn bản ODT' },
  { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], label: 'Trình chiếu ODP' },
] as const satisfies readonly FileType[];

/** A document format by its usual extension: 'pdf', 'docx', … */
export type DocumentFormat = (typeof DOCUMENT_TYPES)[number]['extensions'][0];

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = DOCUMENT_TYPES.map((t) => t.extensions[0]);

export function documentType(format: DocumentFormat): FileType {
  return DOCUMENT_TYPES.find((t) => t.extensions[0] === format)!;
}

const KNOWN: readonly FileType[] = [...DOCUMENT_TYPES, ...IMAGE_TYPES];

/**
 * "Word DOCX" for a known type; otherwise the file's extension in capitals
 * ("ODG"), or the MIME type itself when the name has no extension.
 */
export function fileTypeLabel(mimeType: string, filename: string): string {
  const known = KNOWN.find((t) => t.mime === mimeType);
  if (known) return known.label;
  const dot = filename.lastIndexOf('.');
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot + 1).toUpperCase() : mimeType;
}
