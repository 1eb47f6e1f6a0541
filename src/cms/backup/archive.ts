import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

import * as tar from 'tar-stream';
import { z } from 'zod';

import { ColumnError } from '../../messages/column-error';

/**
 * The backup container: a plain .tar.gz (any `tar tzf` can list it) holding
 * JSON entries and uploaded files, with `manifest.json` written LAST. The
 * manifest lists every other entry with its size and SHA-256, so a truncated
 * archive (no manifest) or a changed byte (gzip CRC or checksum) is caught
 * while reading, before the restore touches the database.
 */
export const ARCHIVE_FORMAT = 'chuyen-muc-binh-dang-gioi/backup';
export const ARCHIVE_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
/** JSON entries are held in memory; anything bigger than this is not one of ours. */
const MAX_JSON_BYTES = 512 * 1024 * 1024;

const entrySchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  createdAt: z.string(),
  source: z.object({
    database: z.enum(['sqlite', 'mongodb']),
    idType: z.enum(['number', 'text']),
    payloadVersion: z.string(),
  }),
  collections: z.record(z.string(), z.object({ docs: z.number().int(), versions: z.number().int() })),
  globals: z.array(z.string()),
  files: z.record(z.string(), z.number().int()),
  warnings: z.array(z.string()),
  entries: z.array(entrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;
export type ManifestBody = Omit<Manifest, 'entries' | 'format' | 'formatVersion'>;

/** An archive that must not be restored: `BackupArchiveInvalid`, the problem in its details. */
export class ArchiveError extends ColumnError<'BackupArchiveInvalid'> {
  constructor(problem: string) {
    super('BackupArchiveInvalid', { problem });
  }
}

export type ArchiveSource = { path: string } & ({ json: unknown } | { file: string });

/** Canonical JSON (sorted keys) so equal data gives equal bytes on every database. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * Writes the archive to `out` through a `.partial` file renamed at the end,
 * so a failed backup never leaves something that looks like a backup.
 */
export async function writeArchive(
  out: string,
  sources: AsyncIterable<ArchiveSource> | Iterable<ArchiveSource>,
  manifest: ManifestBody,
): Promise<Manifest> {
  const partial = `${out}.partial`;
  const pack = tar.pack();
  // Owner-only: the archive holds password hashes and API keys.
  const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => undefined); // a write error (a full disk) surfaces at `await written`, not as an unhandled rejection
  const entries: ManifestEntry[] = [];
  const mtime = new Date(manifest.createdAt);
  try {
    for await (const source of sources) {
      if ('json' in source) {
        const bytes = Buffer.from(canonicalJson(source.json));
        await addBuffer(pack, source.path, bytes, mtime);
        entries.push({ path: source.path, size: bytes.length, sha256: sha256(bytes) });
      } else {
        const { size } = await stat(source.file);
        const hash = createHash('sha256');
        await new Promise<void>((resolve, reject) => {
          const sink = pack.entry({ name: source.path, size, mtime }, (error) => (error ? reject(error) : resolve()));
          pipeline(createReadStream(source.file), tap(hash), sink).catch(reject);
        });
        entries.push({ path: source.path, size, sha256: hash.digest('hex') });
      }
    }
    const full: Manifest = { format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, ...manifest, entries };
    await addBuffer(pack, MANIFEST, Buffer.from(JSON.stringify(full, null, 2)), mtime);
    pack.finalize();
    await written;
    await rename(partial, out);
    return full;
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

export type ReadArchive = {
  manifest: Manifest;
  /** Parsed JSON entries by path. */
  json: Map<string, unknown>;
  /** Uploaded files, already extracted and verified, by archive path. */
  files: Map<string, string>;
};

/**
 * Reads and verifies a whole archive. JSON entries come back parsed; files
 * are extracted under `stagingDir` (never into the live uploads folder).
 * Throws ArchiveError for anything short of a complete, intact archive, and
 * removes the staging folder when it does.
 */
export async function readArchive(file: string, stagingDir: string): Promise<ReadArchive> {
  const json = new Map<string, unknown>();
  const files = new Map<string, string>();
  const seen = new Map<string, { size: number; sha256: string }>();
  let manifestBytes: Buffer | undefined;
  await mkdir(stagingDir, { recursive: true });

  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = header.name;
    // A damaged archive fails inside an entry too (gzip's data check), possibly
    // before the entry's pipeline is attached: the error is reported once, by
    // the outer pipeline below, and must not crash the process as unhandled.
    stream.on('error', () => undefined);
    const done = (error?: unknown) => {
      if (!error) return next();
      extract.destroy(error as Error);
    };
    if (header.type !== 'file') return done(new ArchiveError(`mục lạ trong bản sao lưu: ${name}`));
    if (seen.has(name) || (name === MANIFEST && manifestBytes))
      return done(new ArchiveError(`mục lặp lại trong bản sao lưu: ${name}`));
    if (name === MANIFEST || (!name.startsWith('files/') && name.endsWith('.json'))) {
      if ((header.size ?? 0) > MAX_JSON_BYTES) return done(new ArchiveError(`mục quá lớn: ${name}`));
      collect(stream).then((bytes) => {
        if (name === MANIFEST) manifestBytes = bytes;
        else {
          seen.set(name, { size: bytes.length, sha256: sha256(bytes) });
          json.set(name, bytes);
        }
        done();
      }, done);
      return;
    }
    const target = stagedPath(stagingDir, name);
    if (!target) return done(new ArchiveError(`tên tệp không an toàn trong bản sao lưu: ${name}`));
    const hash = createHash('sha256');
    let size = 0;
    mkdir(path.dirname(target), { recursive: true })
      .then(() =>
        pipeline(
          stream,
          tap(hash, (n) => (size += n)),
          createWriteStream(target, { flags: 'wx' }),
        ),
      )
      .then(() => {
        seen.set(name, { size, sha256: hash.digest('hex') });
        files.set(name, target);
        done();
      }, done);
  });

  try {
    await pipeline(createReadStream(file), createGunzip(), extract);
    if (!manifestBytes)
      throw new ArchiveError(
        'thiếu mục lục (manifest.json): tệp bị cắt cụt hoặc không phải bản sao lưu của chuyên mục',
      );
    const manifest = parseManifest(manifestBytes);
    const listed = new Set(manifest.entries.map((e) => e.path));
    for (const entry of manifest.entries) {
      const got = seen.get(entry.path);
      if (!got) throw new ArchiveError(`thiếu mục ${entry.path}`);
      if (got.size !== entry.size || got.sha256 !== entry.sha256)
        throw new ArchiveError(`mục ${entry.path} không khớp mã kiểm tra (SHA-256)`);
    }
    for (const name of seen.keys()) if (!listed.has(name)) throw new ArchiveError(`mục ${name} không có trong mục lục`);
    for (const [name, bytes] of json) {
      try {
        json.set(name, JSON.parse((bytes as Buffer).toString('utf8')));
      } catch {
        throw new ArchiveError(`mục ${name} không phải JSON hợp lệ`);
      }
    }
    return { manifest, json, files };
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(describeReadError(error));
  }
}

function parseManifest(bytes: Buffer): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ArchiveError('mục lục (manifest.json) không đọc được');
  }
  const format = (raw as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== ARCHIVE_FORMAT)
    throw new ArchiveError('tệp không phải bản sao lưu của chuyên mục Bình đẳng giới');
  if (format.formatVersion !== ARCHIVE_FORMAT_VERSION)
    throw new ArchiveError(
      `bản sao lưu có định dạng phiên bản ${String(format.formatVersion)}, phiên bản này chỉ đọc được phiên bản ${ARCHIVE_FORMAT_VERSION}`,
    );
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ArchiveError(`mục lục không hợp lệ (${parsed.error.issues[0]?.path.join('.')})`);
  return parsed.data;
}

/** `files/<collection>/<name>` only: no folders, no `..`, nothing absolute. */
function stagedPath(stagingDir: string, name: string): string | undefined {
  const parts = name.split('/');
  if (parts.length !== 3 || parts[0] !== 'files') return undefined;
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0'))) return undefined;
  return path.join(stagingDir, parts[1]!, parts[2]!);
}

function describeReadError(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'không tìm thấy tệp sao lưu';
  if (err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message ?? ''))
    return 'tệp bị cắt cụt (kết thúc giữa chừng)';
  if (err.code?.startsWith('Z_') || /incorrect header|invalid|checksum/i.test(err.message ?? ''))
    return `tệp bị hỏng (${err.message})`;
  return `không đọc được tệp sao lưu (${err.message ?? String(error)})`;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function tap(hash: ReturnType<typeof createHash>, onBytes?: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      onBytes?.(chunk.length);
      callback(null, chunk);
    },
  });
}

function addBuffer(pack: tar.Pack, name: string, bytes: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) =>
    pack.entry({ name, size: bytes.length, mtime }, bytes, (error) => (error ? reject(error) : resolve())),
  );
}

async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
