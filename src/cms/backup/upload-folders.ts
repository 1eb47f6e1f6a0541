import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The uploads folders during a restore: files are extracted into a hidden
 * staging folder inside the uploads folder, then swapped in just before the
 * database commit.
 */

/** A hidden folder inside `dir`, so moving its contents into `dir`'s subfolders is a rename on one file system. */
export function stagingDirFor(dir: string, label: string): string {
  return path.join(dir, `.${label}-${process.pid}-${randomBytes(3).toString('hex')}`);
}

/**
 * Puts each staged folder in place of its live uploads folder; what was there
 * is kept aside until the commit. Every move is recorded as it happens, so
 * `undo` also reverses a swap that failed halfway.
 */
export class FolderSwap {
  private readonly moves: { live: string; aside?: string; placed: boolean }[] = [];
  private readonly stamp = new Date().toISOString().replace(/[:.]/g, '-');

  constructor(
    private readonly dirs: Map<string, string>,
    private readonly staging: string,
  ) {}

  async run() {
    for (const [slug, live] of this.dirs) {
      const staged = path.join(this.staging, slug);
      await mkdir(staged, { recursive: true });
      await mkdir(path.dirname(live), { recursive: true });
      const move: { live: string; aside?: string; placed: boolean } = { live, placed: false };
      this.moves.push(move);
      if (existsSync(live)) {
        const aside = `${live}.truoc-khoi-phuc-${this.stamp}`;
        await rename(live, aside);
        move.aside = aside;
      }
      await rename(staged, live);
      move.placed = true;
    }
  }

  async undo() {
    for (const { live, aside, placed } of [...this.moves].reverse()) {
      if (placed) await rm(live, { recursive: true, force: true });
      if (aside) await rename(aside, live);
    }
    this.moves.length = 0;
  }

  /** After the commit: removes empty set-aside folders, returns those that hold files. */
  async finish(): Promise<string[]> {
    const kept: string[] = [];
    for (const { aside } of this.moves) {
      if (!aside) continue;
      if ((await readdir(aside)).length === 0) await rm(aside, { recursive: true, force: true });
      else kept.push(aside);
    }
    return kept;
  }
}

/**
 * Staged files placed one by one into live uploads folders that hold other
 * schools' files (`restore --as-school`): never over an existing file (a
 * hard link, or an exclusive copy where links are not possible, fails when
 * the name is taken), and `undo` removes exactly the files it placed.
 */
export class FilePlacement {
  private readonly placed: string[] = [];
  private readonly made: string[] = [];

  async place(staged: string, dir: string, name: string) {
    if (!existsSync(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.push(dir);
    }
    const target = path.join(dir, name);
    try {
      await link(staged, target);
    } catch (error) {
      if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await copyFile(staged, target, constants.COPYFILE_EXCL);
    }
    this.placed.push(target);
  }

  async undo() {
    for (const file of this.placed.splice(0).reverse()) await rm(file, { force: true });
    for (const dir of this.made.splice(0).reverse()) await removeIfEmpty(dir);
  }
}

/** Errors of a file system that has no hard links (or not between these folders). */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP']);

/** Staging folders of restores that were killed (their process is gone). */
export async function removeAbandonedStaging(staging: string) {
  const parent = path.dirname(staging);
  const prefix = path.basename(staging).replace(/-\d+-[0-9a-f]+$/, '-');
  for (const name of existsSync(parent) ? await readdir(parent) : []) {
    const pid = name.startsWith(prefix) ? Number(/-(\d+)-[0-9a-f]+$/.exec(name)?.[1]) : NaN;
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folders among `dirs` that hold at least one file (in any subfolder), with their file counts. */
export async function foldersWithFiles(dirs: Iterable<string>): Promise<{ dir: string; files: number }[]> {
  const filled: { dir: string; files: number }[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => !e.isDirectory()).length;
    if (files > 0) filled.push({ dir, files });
  }
  return filled;
}

/** Removes `dir` if it is empty (a folder a refused or failed restore created); leaves it otherwise. */
export async function removeIfEmpty(dir: string) {
  await rmdir(dir).catch(() => undefined);
}
