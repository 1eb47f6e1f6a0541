/**
 * The demo teaching resources' files: small real documents made once with
 * LibreOffice and committed under files/ (see files/README.md), so uploads
 * meet the same sniffing, size limits and downloads as files teachers upload.
 */
import { readFile } from 'node:fs/promises';

import type { DocumentFormat } from '../domain/file-types';
import { demoTeachingResources } from './demo-content';

const FILES = new URL('./files/', import.meta.url);

/** The bytes of a committed demo file (`files/<filename>`). */
export async function readDemoFile(filename: string): Promise<Buffer> {
  if (filename.includes('/') || filename.includes('\\')) throw new Error(`Not a demo file name: ${filename}`);
  return readFile(new URL(filename, FILES));
}

/** A real document of this format (the demo resource's), for tests and benchmarks. */
export async function sampleDocument(format: DocumentFormat): Promise<{ filename: string; data: Buffer }> {
  const file = demoTeachingResources.find((r) => r.file?.format === format)?.file;
  if (!file) throw new Error(`No demo file in format ${format}`);
  return { filename: file.filename, data: await readDemoFile(file.filename) };
}
