import { describe, expect, it } from 'vitest';

import { formatBytes, KB, MB } from '../../src/domain/bytes';
import {
  DOCUMENT_FORMATS,
  DOCUMENT_TYPES,
  documentType,
  fileTypeLabel,
  IMAGE_TYPES,
} from '../../src/domain/file-types';
import { foldD } from '../../src/domain/fold-d';
import { checkUpload, documentPolicy } from '../../src/domain/upload-policy';
import { formatVietnamDate, formatVietnamDateTime } from '../../src/domain/vietnam-time';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1535, '1 KB'],
    [1536, '2 KB'],
    [2431, '2 KB'],
    [1023 * KB, '1023 KB'],
    // Rounds to 1024 KB: shown as the megabyte it is.
    [MB - 1, '1 MB'],
    [MB, '1 MB'],
    [1_300_000, '1,2 MB'],
    [1.25 * MB, '1,3 MB'],
    [2 * MB, '2 MB'],
    [25 * MB, '25 MB'],
    [1234.56 * MB, '1.234,6 MB'],
  ])('%d bytes → %s (decimal comma)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('rounds up when asked, so a file just over a limit never reads as the limit', () => {
    expect(formatBytes(25 * MB + 1)).toBe('25 MB');
    expect(formatBytes(25 * MB + 1, { roundUp: true })).toBe('25,1 MB');
    expect(formatBytes(25 * MB, { roundUp: true })).toBe('25 MB');
    expect(formatBytes(1023.2, { roundUp: true })).toBe('1024 B');
    expect(formatBytes(1025, { roundUp: true })).toBe('2 KB');
  });

  it('refuses what is not a size', () => {
    expect(() => formatBytes(-1)).toThrow(RangeError);
    expect(() => formatBytes(Number.NaN)).toThrow(RangeError);
  });

  it('is what the upload message shows', () => {
    const verdict = checkUpload(documentPolicy(25), {
      filename: 'lon.pdf',
      size: 25 * MB + 1,
      detectedMime: 'application/pdf',
    });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toContain('nặng 25,1 MB, vượt giới hạn 25 MB cho tài liệu');
  });
});

describe('Vietnam dates (Intl vi-VN, Asia/Ho_Chi_Minh, whatever the machine zone)', () => {
  it('the day turns at midnight in Vietnam, 17:00 UTC', () => {
    expect(formatVietnamDate('2024-03-04T16:59:59.999Z')).toBe('04/03/2024');
    expect(formatVietnamDate('2024-03-04T17:00:00.000Z')).toBe('05/03/2024');
    expect(formatVietnamDate(new Date('2024-03-04T17:30:00.000Z'))).toBe('05/03/2024');
  });

  it('the year turns at 17:00 UTC on 31 December', () => {
    expect(formatVietnamDate('2025-12-31T16:59:00.000Z')).toBe('31/12/2025');
    expect(formatVietnamDate('2025-12-31T17:00:00.000Z')).toBe('01/01/2026');
  });

  it('date and time: 24-hour clock, time first, as Vietnamese write it', () => {
    expect(formatVietnamDateTime('2022-08-01T00:00:00.000Z')).toBe('07:00 01/08/2022');
    expect(formatVietnamDateTime('2024-03-04T16:59:00.000Z')).toBe('23:59 04/03/2024');
    expect(formatVietnamDateTime('2024-03-04T17:00:00.000Z')).toBe('00:00 05/03/2024');
    expect(formatVietnamDateTime('2024-03-04T17:00:05.000Z', { seconds: true })).toBe('00:00:05 05/03/2024');
    expect(formatVietnamDateTime(Date.UTC(2024, 5, 1, 5, 30))).toBe('12:30 01/06/2024');
  });
});

describe('foldD', () => {
  it('folds đ and Đ, and nothing else', () => {
    expect(foldD('Đoàn đội: gia đình bình đẳng')).toBe('Doàn dội: gia dình bình dẳng');
    expect(foldD('ĐỒNG ĐỘI')).toBe('DỒNG DỘI');
    expect(foldD('dđĐD')).toBe('ddDD');
    expect(foldD('')).toBe('');
  });

  it('keeps the length, so offsets in the folded text are offsets in the original', () => {
    const s = 'Đoàn đội: gia đình bình đẳng';
    expect(foldD(s)).toHaveLength(s.length);
  });
});

describe('the file types table', () => {
  it('labels each accepted document as readers and editors see it', () => {
    expect(DOCUMENT_TYPES.map((t) => t.label)).toEqual([
      'PDF',
      'Word DOCX',
      'PowerPoint PPTX',
      'Excel XLSX',
      'Văn bản ODT',
      'Trình chiếu ODP',
    ]);
    expect(DOCUMENT_FORMATS).toEqual(['pdf', 'docx', 'pptx', 'xlsx', 'odt', 'odp']);
    expect(documentType('odt').mime).toBe('application/vnd.oasis.opendocument.text');
  });

  it('has one row per MIME type', () => {
    const mimes = [...DOCUMENT_TYPES, ...IMAGE_TYPES].map((t) => t.mime);
    expect(new Set(mimes).size).toBe(mimes.length);
  });

  it('fileTypeLabel: the table first, then the extension, then the MIME type', () => {
    expect(fileTypeLabel('application/pdf', 'a.pdf')).toBe('PDF');
    expect(fileTypeLabel(documentType('docx').mime, 'giao-an.docx')).toBe('Word DOCX');
    expect(fileTypeLabel('image/webp', 'anh.webp')).toBe('WebP');
    expect(fileTypeLabel('application/x-unknown', 'a.odg')).toBe('ODG');
    expect(fileTypeLabel('application/x-unknown', 'tep')).toBe('application/x-unknown');
    expect(fileTypeLabel('application/x-unknown', 'tep.')).toBe('application/x-unknown');
  });

  it('is what the upload policy accepts and names', () => {
    const verdict = checkUpload(documentPolicy(), {
      filename: 'a.exe',
      size: 10,
      detectedMime: 'application/x-msdownload',
    });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.message).toContain(
        'Chỉ nhận: PDF, Word DOCX, PowerPoint PPTX, Excel XLSX, Văn bản ODT, Trình chiếu ODP.',
      );
    }
  });
});
