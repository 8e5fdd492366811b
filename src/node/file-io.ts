import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';

/**
 * The few file operations an audit needs, in two flavours. `syncFileIo` is for the CLI and worker threads: for
 * thousands of small files, synchronous calls are several times faster than promise-based ones (no thread-pool round
 * trip and file handle object per call), and nothing else waits on those threads. `asyncFileIo` is for hosts that must
 * stay responsive while reading, such as the editor's extension host. Errors come back as undefined.
 */
export interface FileIo {
  readdir(dir: string): Promise<Dirent[] | undefined>;
  stat(path: string): Promise<Stats | undefined>;
  readFile(path: string): Promise<Buffer | undefined>;
}

/** Promise-based file access: keeps an event loop responsive while reading. */
export const asyncFileIo: FileIo = {
  readdir: (dir) => readdir(dir, { withFileTypes: true }).catch(() => undefined),
  stat: (path) => stat(path).catch(() => undefined),
  readFile: (path) => readFile(path).catch(() => undefined),
};

function attempt<T>(f: () => T): Promise<T | undefined> {
  try {
    return Promise.resolve(f());
  } catch {
    return Promise.resolve(undefined);
  }
}

/** Synchronous file access wrapped in resolved promises: the fastest way to read many small files. */
export const syncFileIo: FileIo = {
  readdir: (dir) => attempt(() => readdirSync(dir, { withFileTypes: true })),
  stat: (path) => attempt(() => statSync(path)),
  readFile: (path) => attempt(() => readFileSync(path)),
};
