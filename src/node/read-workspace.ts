import type { SkipReason } from '../core/types';
import { classifyContent, DEFAULT_MAX_FILE_BYTES, sizeLimitFor } from './classify-content';
import { discoverFiles, type DiscoveredFile, type DiscoverOptions } from './discover-files';
import { asyncFileIo, type FileIo } from './file-io';

/** A source file ready for the engine: path relative to the audit root (forward slashes) and its text. */
export interface WorkspaceText {
  path: string;
  text: string;
}

export interface ReadWorkspaceOptions extends DiscoverOptions {
  /** Size limit in bytes (default 1 MiB; notebooks get a larger one, see classify-content.ts). */
  maxFileBytes?: number;
  /** Files read concurrently (default 64): enough to keep the disk busy without exhausting file handles. */
  batchSize?: number;
  /** Prefix put before every relative path (used when several roots are audited from one base). */
  prefix?: string;
}

/** The texts to scan, and every file left out with its reason. */
export interface WorkspaceRead {
  texts: WorkspaceText[];
  skipped: { file: string; reason: SkipReason }[];
  /** Bytes of text returned. */
  bytes: number;
}

/**
 * Discovers and reads the source files under `root` in batches. Files over the size limit are not read at all;
 * binary files and minified bundles are read once and left out. Everything left out is reported with its reason.
 */
export async function readWorkspace(root: string, opts: ReadWorkspaceOptions): Promise<WorkspaceRead> {
  const prefix = opts.prefix ?? '';
  const found = await discoverFiles(root, opts);
  const read = await readDiscovered(
    found.files.map((f) => ({ ...f, rel: prefix + f.rel })),
    opts,
  );
  return { ...read, skipped: [...found.skipped.map((s) => ({ file: prefix + s.file, reason: s.reason })), ...read.skipped] };
}

/**
 * Reads already discovered files (`rel` is the path reported), `batchSize` at a time. Applies the size limit, then the
 * binary and minified checks; each file left out is returned with its reason.
 */
export async function readDiscovered(
  files: readonly DiscoveredFile[],
  opts: { maxFileBytes?: number; batchSize?: number; io?: FileIo },
): Promise<WorkspaceRead> {
  const io = opts.io ?? asyncFileIo;
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const batchSize = opts.batchSize ?? 64;
  const skipped: WorkspaceRead['skipped'] = [];
  const texts: WorkspaceText[] = [];
  let bytes = 0;
  const toRead: DiscoveredFile[] = [];
  for (const f of files) {
    if (f.size > sizeLimitFor(f.rel, maxFileBytes)) skipped.push({ file: f.rel, reason: 'too-large' });
    else toRead.push(f);
  }
  for (let i = 0; i < toRead.length; i += batchSize) {
    const batch = toRead.slice(i, i + batchSize);
    const contents = await Promise.all(batch.map((f) => io.readFile(f.path)));
    batch.forEach((f, j) => {
      const buf = contents[j];
      if (!buf) {
        skipped.push({ file: f.rel, reason: 'unreadable' });
        return;
      }
      const reason = classifyContent(f.rel, buf);
      if (reason) {
        skipped.push({ file: f.rel, reason });
        return;
      }
      bytes += buf.length;
      texts.push({ path: f.rel, text: buf.toString('utf8') });
    });
  }
  return { texts, skipped, bytes };
}
