/**
 * Builds real, openable demo files at seed time, so uploads exercise the same
 * MIME sniffing, size limits and thumbnails as files teachers upload. No
 * network and no document libraries: PDF is written by hand, OOXML/ODF are
 * small XML packages zipped by the writer below.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import sharp from 'sharp';

export type OfficeFormat = 'docx' | 'pptx' | 'xlsx' | 'odt' | 'odp';
export type DocumentFormat = 'pdf' | OfficeFormat;
export type ImageFormat = 'jpeg' | 'png' | 'webp';

export const DOCUMENT_MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

export const IMAGE_MIME_TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

// ---------------------------------------------------------------------------
// ZIP
// ---------------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** ODF requires `mimetype` to be stored so its bytes sit at a fixed offset. */
  store?: boolean;
}

// A fixed timestamp keeps seeded files byte-identical between runs (stable hashes, no spurious diffs).
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1; // 2025-01-01

/**
 * Sizes and CRCs go in the local headers (no data descriptors): streaming
 * sniffers such as file-type read local headers only and never see the
 * central directory.
 */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const deflated = entry.store ? null : deflateRawSync(raw, { level: 9 });
    // Tiny entries can grow when deflated; storing them is equally valid.
    const useDeflate = deflated !== null && deflated.length < raw.length;
    const body = useDeflate ? deflated : raw;
    const method = useDeflate ? 8 : 0;
    const crc = crc32(raw);
    const isAscii = /^[\x20-\x7e]*$/.test(entry.name);
    const flags = isAscii ? 0 : 0x0800; // bit 11: name is UTF-8

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS attrs, spec 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk start, internal and external attrs stay 0
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }

  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...locals, centralDir, end]);
}

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const ASCII_PUNCTUATION: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '•': '-',
  '\u00a0': ' ',
};

/**
 * The PDF uses a standard 14 font (no embedding), which has no Vietnamese
 * glyphs, so its text is folded to ASCII: "Bình đẳng giới" -> "Binh dang gioi".
 */
export function toAscii(text: string): string {
  return text
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[–—‘’“”…•\u00a0]/g, (c) => ASCII_PUNCTUATION[c] ?? '')
    .replace(/\s/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = '';
    }
    // Hard-split words longer than a line (URLs) instead of overflowing the page.
    let rest = word;
    while (rest.length > width) {
      if (line) {
        out.push(line);
        line = '';
      }
      out.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = line ? `${line} ${rest}` : rest;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

// ---------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** UTF-16BE hex string: lets the document Title keep its Vietnamese diacritics. */
function pdfUnicodeString(text: string): string {
  const utf16le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(utf16le.length);
  for (let i = 0; i < utf16le.length; i += 2) {
    be[i] = utf16le[i + 1]!;
    be[i + 1] = utf16le[i]!;
  }
  return `<FEFF${be.toString('hex').toUpperCase()}>`;
}

export function makePdf(title: string, lines: string[]): Buffer {
  const PAGE_W = 595; // A4 in points
  const PAGE_H = 842;
  const MARGIN = 56;
  const BODY_SIZE = 11;
  const LEADING = 15;
  // Helvetica averages ~0.5em per character, so 88 chars fit the 483pt text width at 11pt.
  const WRAP = 88;
  const TITLE_SIZE = 18;
  const TITLE_LEADING = 22;
  // The full title is kept in /Info, so the printed heading may be cut to four rows.
  const titleRows = wrap(toAscii(title), 48).slice(0, 4);
  const rowsBetween = (top: number) => Math.floor((top - MARGIN) / LEADING) + 1;
  const firstBodyTop = PAGE_H - MARGIN - TITLE_SIZE - TITLE_LEADING * titleRows.length - LEADING;
  const firstPageRows = rowsBetween(firstBodyTop);
  const otherPageRows = rowsBetween(PAGE_H - MARGIN - BODY_SIZE);

  const rows: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) rows.push('');
    // Tabs separate spreadsheet columns in `lines`; keep them visible as a column rule.
    rows.push(...wrap(toAscii(line.replace(/\t/g, ' | ')), WRAP));
  });
  const pages: string[][] = [rows.slice(0, firstPageRows)];
  for (let i = firstPageRows; i < rows.length; i += otherPageRows) {
    pages.push(rows.slice(i, i + otherPageRows));
  }

  // Object numbers: 1 catalog, 2 pages, 3 font, 4 info, then (page, content) pairs.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${pdfUnicodeString(title)} /Producer (Truong THCS Nguyen Du - seed) >>`;

  pages.forEach((pageRows, i) => {
    const ops: string[] = ['BT'];
    if (i === 0) {
      ops.push(`/F1 ${TITLE_SIZE} Tf ${MARGIN} ${PAGE_H - MARGIN - TITLE_SIZE} Td`);
      ops.push(`${TITLE_LEADING} TL ${titleRows.map((r) => `${pdfString(r)} Tj T*`).join(' ')}`);
      ops.push(`/F1 ${BODY_SIZE} Tf ${LEADING} TL T*`);
    } else {
      ops.push(`/F1 ${BODY_SIZE} Tf ${LEADING} TL ${MARGIN} ${PAGE_H - MARGIN - BODY_SIZE} Td`);
    }
    for (const row of pageRows) ops.push(`${pdfString(row)} Tj T*`);
    ops.push('ET');
    const stream = ops.join('\n');
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });

  // The high-bit comment marks the file as binary for transfer tools, per the PDF spec's advice.
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------
// OOXML (docx, pptx, xlsx)
// ---------------------------------------------------------------------------

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_OFFICE_DOC = `${NS_REL}/officeDocument`;

function contentTypes(overrides: Record<string, string>): string {
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    Object.entries(overrides)
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join('') +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>'
  );
}

function relationships(rels: Array<[id: string, type: string, target: string]>): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
    '</Relationships>'
  );
}

function rootRels(mainPart: string): string {
  return relationships([
    ['rId1', REL_OFFICE_DOC, mainPart],
    [
      'rId2',
      'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      'docProps/core.xml',
    ],
  ]);
}

function coreProps(title: string): string {
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(title)}</dc:title><dc:creator>Trường THCS Nguyễn Du</dc:creator><dc:language>vi-VN</dc:language>` +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created>' +
    '</cp:coreProperties>'
  );
}

function makeDocx(title: string, lines: string[]): Buffer {
  const run = (text: string, props = '') =>
    `<w:r><w:rPr><w:lang w:val="vi-VN"/>${props}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
  const body =
    `<w:p><w:pPr><w:spacing w:after="240"/></w:pPr>${run(title, '<w:b/><w:sz w:val="32"/>')}</w:p>` +
    lines.map((line) => `<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>${run(line)}</w:p>`).join('');
  const document =
    XML_DECL +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/>' +
    '</w:sectPr></w:body></w:document>';

  // [Content_Types].xml goes first: file-type decides OOXML subtype from it and stops there.
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: contentTypes({
        '/word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      }),
    },
    { name: '_rels/.rels', data: rootRels('word/document.xml') },
    { name: 'docProps/core.xml', data: coreProps(title) },
    { name: 'word/document.xml', data: document },
  ]);
}

function makeXlsx(title: string, lines: string[]): Buffer {
  // Tab-separated lines become columns, and numeric cells are stored as numbers so worksheets can be charted.
  const colName = (i: number): string => {
    let name = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
  };
  const cell = (ref: string, value: string, style = 0): string => {
    const s = style ? ` s="${style}"` : '';
    if (/^-?\d+(\.\d+)?$/.test(value.trim())) return `<c r="${ref}"${s}><v>${value.trim()}</v></c>`;
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xml(value)}</t></is></c>`;
  };
  const rows = [[title], [], ...lines.map((line) => line.split('\t'))];
  const sheetData = rows
    .map((cells, r) => {
      const inner = cells.map((v, c) => cell(`${colName(c)}${r + 1}`, v, r === 0 ? 1 : 0)).join('');
      return inner ? `<row r="${r + 1}">${inner}</row>` : '';
    })
    .join('');
  const sheet =
    XML_DECL +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
    '<cols><col min="1" max="1" width="60" customWidth="1"/><col min="2" max="8" width="14" customWidth="1"/></cols>' +
    `<sheetData>${sheetData}</sheetData></worksheet>`;
  const workbook =
    XML_DECL +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
    '<sheets><sheet name="Nội dung" sheetId="1" r:id="rId1"/></sheets></workbook>';
  // Excel repairs workbooks that lack a stylesheet, so ship the smallest complete one (plus bold for the title).
  const styles =
    XML_DECL +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>';

  const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: contentTypes({
        '/xl/workbook.xml': `${SML}.sheet.main+xml`,
        '/xl/worksheets/sheet1.xml': `${SML}.worksheet+xml`,
        '/xl/styles.xml': `${SML}.styles+xml`,
      }),
    },
    { name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
    { name: 'docProps/core.xml', data: coreProps(title) },
    { name: 'xl/workbook.xml', data: workbook },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: relationships([
        ['rId1', `${NS_REL}/worksheet`, 'worksheets/sheet1.xml'],
        ['rId2', `${NS_REL}/styles`, 'styles.xml'],
      ]),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    { name: 'xl/styles.xml', data: styles },
  ]);
}

const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const EMU_PER_CM = 360000;

/**
 * PowerPoint refuses packages without a master, a layout and a theme, so those
 * are included in their smallest accepted form. Slide text sits in explicit
 * text boxes rather than placeholders, so nothing depends on layout inheritance.
 */
function makePptx(title: string, lines: string[]): Buffer {
  const SLIDE_W = 12192000; // 16:9
  const SLIDE_H = 6858000;
  const emptyTree =
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
  const textBox = (id: number, name: string, y: number, h: number, paras: string[], size: number, bold: boolean) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${2 * EMU_PER_CM}" y="${y}"/><a:ext cx="${SLIDE_W - 4 * EMU_PER_CM}" cy="${h}"/></a:xfrm>` +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>' +
    '<p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>' +
    paras
      .map(
        (p) =>
          `<a:p><a:r><a:rPr lang="vi-VN" sz="${size}"${bold ? ' b="1"' : ''} dirty="0"/><a:t>${xml(p)}</a:t></a:r></a:p>`,
      )
      .join('') +
    '</p:txBody></p:sp>';
  const slideXml = (heading: string, body: string[]) =>
    XML_DECL +
    `<p:sld xmlns:a="${NS_A}" xmlns:r="${NS_REL}" xmlns:p="${NS_P}"><p:cSld><p:spTree>${emptyTree}` +
    textBox(2, 'Tiêu đề', 1 * EMU_PER_CM, 3 * EMU_PER_CM, [heading], body.length ? 3200 : 4000, true) +
    (body.length ? textBox(3, 'Nội dung', 4.5 * EMU_PER_CM, SLIDE_H - 6 * EMU_PER_CM, body, 2000, false) : '') +
    '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>';

  const slides = [
    slideXml(title, []),
    ...chunk(lines, 6)
      .filter((c) => c.length)
      .map((c) => slideXml(title, c)),
  ];

  const master =
    XML_DECL +
    `<p:sldMaster xmlns:a="${NS_A}" xmlns:r="${NS_REL}" xmlns:p="${NS_P}">` +
    `<p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>${emptyTree}</p:spTree></p:cSld>` +
    '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ' +
    'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>' +
    '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>' +
    '<p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz="4000"/></a:lvl1pPr></p:titleStyle>' +
    '<p:bodyStyle><a:lvl1pPr><a:defRPr sz="2000"/></a:lvl1pPr></p:bodyStyle>' +
    '<p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"/></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>';
  const layout =
    XML_DECL +
    `<p:sldLayout xmlns:a="${NS_A}" xmlns:r="${NS_REL}" xmlns:p="${NS_P}" type="blank" preserve="1">` +
    `<p:cSld name="Blank"><p:spTree>${emptyTree}</p:spTree></p:cSld>` +
    '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>';
  const solid = (c: string) => `<a:solidFill><a:schemeClr val="${c}"/></a:solidFill>`;
  const line = (w: number) => `<a:ln w="${w}"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`;
  const srgb = (name: string, hex: string) => `<a:${name}><a:srgbClr val="${hex}"/></a:${name}>`;
  const theme =
    XML_DECL +
    `<a:theme xmlns:a="${NS_A}" name="Nguyen Du"><a:themeElements>` +
    '<a:clrScheme name="Nguyen Du">' +
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
    srgb('dk2', '44337A') +
    srgb('lt2', 'F3EFFA') +
    srgb('accent1', '7B1FA2') +
    srgb('accent2', 'C2185B') +
    srgb('accent3', 'EF6C00') +
    srgb('accent4', '2E7D32') +
    srgb('accent5', '1565C0') +
    srgb('accent6', 'F9A825') +
    srgb('hlink', '1565C0') +
    srgb('folHlink', '6A1B9A') +
    '</a:clrScheme>' +
    '<a:fontScheme name="Nguyen Du">' +
    '<a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>' +
    '<a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>' +
    '</a:fontScheme>' +
    '<a:fmtScheme name="Nguyen Du">' +
    `<a:fillStyleLst>${solid('phClr')}${solid('phClr')}${solid('phClr')}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    '<a:effectStyleLst>' +
    '<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3) +
    '</a:effectStyleLst>' +
    `<a:bgFillStyleLst>${solid('phClr')}${solid('phClr')}${solid('phClr')}</a:bgFillStyleLst>` +
    '</a:fmtScheme></a:themeElements></a:theme>';
  const presentation =
    XML_DECL +
    `<p:presentation xmlns:a="${NS_A}" xmlns:r="${NS_REL}" xmlns:p="${NS_P}" saveSubsetFonts="1">` +
    '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>' +
    `<p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 3}"/>`).join('')}</p:sldIdLst>` +
    `<p:sldSz cx="${SLIDE_W}" cy="${SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/>` +
    '</p:presentation>';

  const PML = 'application/vnd.openxmlformats-officedocument.presentationml';
  const overrides: Record<string, string> = {
    '/ppt/presentation.xml': `${PML}.presentation.main+xml`,
    '/ppt/slideMasters/slideMaster1.xml': `${PML}.slideMaster+xml`,
    '/ppt/slideLayouts/slideLayout1.xml': `${PML}.slideLayout+xml`,
    '/ppt/theme/theme1.xml': 'application/vnd.openxmlformats-officedocument.theme+xml',
  };
  slides.forEach((_, i) => {
    overrides[`/ppt/slides/slide${i + 1}.xml`] = `${PML}.slide+xml`;
  });

  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes(overrides) },
    { name: '_rels/.rels', data: rootRels('ppt/presentation.xml') },
    { name: 'docProps/core.xml', data: coreProps(title) },
    { name: 'ppt/presentation.xml', data: presentation },
    {
      name: 'ppt/_rels/presentation.xml.rels',
      data: relationships([
        ['rId1', `${NS_REL}/slideMaster`, 'slideMasters/slideMaster1.xml'],
        ['rId2', `${NS_REL}/theme`, 'theme/theme1.xml'],
        ...slides.map((_, i): [string, string, string] => [
          `rId${i + 3}`,
          `${NS_REL}/slide`,
          `slides/slide${i + 1}.xml`,
        ]),
      ]),
    },
    { name: 'ppt/slideMasters/slideMaster1.xml', data: master },
    {
      name: 'ppt/slideMasters/_rels/slideMaster1.xml.rels',
      data: relationships([
        ['rId1', `${NS_REL}/slideLayout`, '../slideLayouts/slideLayout1.xml'],
        ['rId2', `${NS_REL}/theme`, '../theme/theme1.xml'],
      ]),
    },
    { name: 'ppt/slideLayouts/slideLayout1.xml', data: layout },
    {
      name: 'ppt/slideLayouts/_rels/slideLayout1.xml.rels',
      data: relationships([['rId1', `${NS_REL}/slideMaster`, '../slideMasters/slideMaster1.xml']]),
    },
    { name: 'ppt/theme/theme1.xml', data: theme },
    ...slides.flatMap((data, i): ZipEntry[] => [
      { name: `ppt/slides/slide${i + 1}.xml`, data },
      {
        name: `ppt/slides/_rels/slide${i + 1}.xml.rels`,
        data: relationships([['rId1', `${NS_REL}/slideLayout`, '../slideLayouts/slideLayout1.xml']]),
      },
    ]),
  ]);
}

// ---------------------------------------------------------------------------
// ODF (odt, odp)
// ---------------------------------------------------------------------------

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ' +
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';

function makeOdf(format: 'odt' | 'odp', title: string, lines: string[]): Buffer {
  const mimetype = DOCUMENT_MIME_TYPES[format];
  let body: string;
  let automaticStyles: string;
  let styles: string;

  if (format === 'odt') {
    automaticStyles =
      '<style:style style:name="P1" style:family="paragraph">' +
      '<style:paragraph-properties fo:margin-bottom="0.4cm"/>' +
      '<style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:language="vi" fo:country="VN"/></style:style>' +
      '<style:style style:name="P2" style:family="paragraph">' +
      '<style:paragraph-properties fo:margin-bottom="0.2cm"/>' +
      '<style:text-properties fo:font-size="12pt" fo:language="vi" fo:country="VN"/></style:style>';
    body =
      '<office:text>' +
      `<text:h text:style-name="P1" text:outline-level="1">${xml(title)}</text:h>` +
      lines.map((l) => `<text:p text:style-name="P2">${xml(l)}</text:p>`).join('') +
      '</office:text>';
    styles =
      '<office:automatic-styles><style:page-layout style:name="PM1">' +
      '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" ' +
      'fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/>' +
      '</style:page-layout></office:automatic-styles>' +
      '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PM1"/></office:master-styles>';
  } else {
    // Every draw:page must name a master page, which lives in styles.xml.
    const frame = (x: number, y: number, w: number, h: number, paras: string[], bold: boolean) =>
      `<draw:frame svg:x="${x}cm" svg:y="${y}cm" svg:width="${w}cm" svg:height="${h}cm">` +
      '<draw:text-box>' +
      paras
        .map(
          (p) =>
            `<text:p text:style-name="${bold ? 'PTitle' : 'PBody'}"><text:span text:style-name="${bold ? 'TTitle' : 'TBody'}">${xml(p)}</text:span></text:p>`,
        )
        .join('') +
      '</draw:text-box></draw:frame>';
    automaticStyles =
      '<style:style style:name="PTitle" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>' +
      '<style:style style:name="PBody" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>' +
      '<style:style style:name="TTitle" style:family="text"><style:text-properties fo:font-size="32pt" fo:font-weight="bold" fo:language="vi" fo:country="VN"/></style:style>' +
      '<style:style style:name="TBody" style:family="text"><style:text-properties fo:font-size="20pt" fo:language="vi" fo:country="VN"/></style:style>';
    const page = (i: number, content: string) =>
      `<draw:page draw:name="Trang ${i + 1}" draw:master-page-name="Default">${content}</draw:page>`;
    const pages = [
      page(0, frame(2, 5, 24, 5, [title], true)),
      ...chunk(lines, 6)
        .filter((c) => c.length)
        .map((c, i) => page(i + 1, frame(2, 1, 24, 2.5, [title], true) + frame(2, 4, 24, 11, c, false))),
    ];
    body = `<office:presentation>${pages.join('')}</office:presentation>`;
    styles =
      '<office:automatic-styles><style:page-layout style:name="PM1">' +
      '<style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" ' +
      'fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/>' +
      '</style:page-layout></office:automatic-styles>' +
      '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"/></office:master-styles>';
  }

  const content =
    XML_DECL +
    `<office:document-content ${ODF_NS} office:version="1.3">` +
    `<office:automatic-styles>${automaticStyles}</office:automatic-styles>` +
    `<office:body>${body}</office:body></office:document-content>`;
  const stylesXml =
    XML_DECL + `<office:document-styles ${ODF_NS} office:version="1.3">${styles}</office:document-styles>`;
  const meta =
    XML_DECL +
    `<office:document-meta ${ODF_NS} office:version="1.3"><office:meta>` +
    `<dc:title>${xml(title)}</dc:title><dc:language>vi-VN</dc:language>` +
    '<meta:generator>Truong THCS Nguyen Du seed</meta:generator>' +
    '</office:meta></office:document-meta>';
  const manifest =
    XML_DECL +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${mimetype}"/>` +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>' +
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>' +
    '</manifest:manifest>';

  return makeZip([
    // ODF: first entry, uncompressed, no extra field, so "mimetype<type>" sits at byte 30 for magic sniffers.
    { name: 'mimetype', data: mimetype, store: true },
    { name: 'META-INF/manifest.xml', data: manifest },
    { name: 'content.xml', data: content },
    { name: 'styles.xml', data: stylesXml },
    { name: 'meta.xml', data: meta },
  ]);
}

/**
 * Lines are paragraphs (docx/odt), slide bullets six to a slide (pptx/odp) or
 * rows (xlsx, where a tab splits a line into columns).
 */
export function makeOfficeDocument(format: OfficeFormat, title: string, lines: string[]): Buffer {
  switch (format) {
    case 'docx':
      return makeDocx(title, lines);
    case 'xlsx':
      return makeXlsx(title, lines);
    case 'pptx':
      return makePptx(title, lines);
    case 'odt':
    case 'odp':
      return makeOdf(format, title, lines);
    default: {
      const unknown: never = format;
      throw new Error(`Unsupported office format: ${String(unknown)}`);
    }
  }
}

export function makeDocument(format: DocumentFormat, title: string, lines: string[]): Buffer {
  return format === 'pdf' ? makePdf(title, lines) : makeOfficeDocument(format, title, lines);
}

// ---------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------

export interface ImageSpec {
  palette: [string, string];
  width?: number;
  height?: number;
  format?: ImageFormat;
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Invalid hex colour: ${hex}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function mix(a: [number, number, number], b: [number, number, number], t: number): string {
  return toHex([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
}

/** mulberry32: seeding from the palette gives each cover its own but reproducible layout. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Abstract cover art; no text because the seed environment may lack fonts with Vietnamese glyphs. */
export async function makeImage(spec: ImageSpec): Promise<Buffer> {
  const width = Math.round(spec.width ?? 1600);
  const height = Math.round(spec.height ?? 900);
  const format = spec.format ?? 'jpeg';
  if (!(width > 0 && height > 0 && width <= 8000 && height <= 8000)) {
    throw new Error(`Invalid image size: ${width}x${height}`);
  }
  // Colours are parsed and re-serialised so nothing from the spec reaches the SVG verbatim.
  const a = parseHex(spec.palette[0]);
  const b = parseHex(spec.palette[1]);
  const white: [number, number, number] = [255, 255, 255];
  const rand = rng(crc32(`${toHex(a)}${toHex(b)}`));
  const min = Math.min(width, height);

  const circles = Array.from({ length: 7 }, () => {
    const r = min * (0.08 + rand() * 0.3);
    const cx = rand() * width;
    const cy = rand() * height;
    const fill = mix(a, rand() < 0.5 ? b : white, rand());
    return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="${(0.15 + rand() * 0.35).toFixed(2)}"/>`;
  }).join('');
  const wave = (y: number, amp: number, fill: string, opacity: number) => {
    const k = width / 4;
    return (
      `<path d="M0 ${y.toFixed(1)} C ${k.toFixed(1)} ${(y - amp).toFixed(1)}, ${(2 * k).toFixed(1)} ${(y + amp).toFixed(1)}, ` +
      `${(3 * k).toFixed(1)} ${y.toFixed(1)} S ${width} ${(y - amp).toFixed(1)}, ${width} ${y.toFixed(1)} ` +
      `L ${width} ${height} L 0 ${height} Z" fill="${fill}" fill-opacity="${opacity}"/>`
    );
  };
  const cardW = width * 0.42;
  const cardH = height * 0.34;

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">' +
    `<stop offset="0" stop-color="${toHex(a)}"/><stop offset="1" stop-color="${toHex(b)}"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>` +
    circles +
    wave(height * 0.72, height * 0.06, mix(a, white, 0.6), 0.35) +
    wave(height * 0.82, height * 0.05, mix(b, white, 0.5), 0.45) +
    `<rect x="${(width * 0.08).toFixed(1)}" y="${(height * 0.14).toFixed(1)}" width="${cardW.toFixed(1)}" height="${cardH.toFixed(1)}" ` +
    `rx="${(min * 0.03).toFixed(1)}" fill="#ffffff" fill-opacity="0.22"/>` +
    `</svg>`;

  const image = sharp(Buffer.from(svg)).flatten({ background: toHex(a) });
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    case 'png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'webp':
      return image.webp({ quality: 80 }).toBuffer();
    default: {
      const unknown: never = format;
      throw new Error(`Unsupported image format: ${String(unknown)}`);
    }
  }
}
