import type { SkipReason } from '../core/types';

/** Default size limit for source files: 1 MiB. Larger files are generated code or data, not hand-written calls. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Notebooks carry their outputs (base64 images, tables) inside the JSON, so a small notebook with a plot is easily
 * over 1 MiB. Only code cells are scanned, so notebooks get a larger limit.
 */
export const NOTEBOOK_MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Average bytes per line above which a file is a minified bundle (hand-written code averages 30–60). */
const MINIFIED_AVG_LINE_BYTES = 300;
/** A single line this long in a file that is mostly such lines is a bundle too. */
const MINIFIED_LONG_LINE_BYTES = 2000;
/** Files smaller than this are never called minified: a short one-liner is not a bundle. */
const MINIFIED_MIN_BYTES = 2048;

/** Size limit that applies to a file (by name). */
export function sizeLimitFor(rel: string, maxFileBytes: number): number {
  return rel.toLowerCase().endsWith('.ipynb') ? Math.max(maxFileBytes, NOTEBOOK_MAX_FILE_BYTES) : maxFileBytes;
}

/**
 * Decides whether a file's bytes are worth scanning. Binary: a NUL byte in the first 8 KiB (git's own test).
 * Minified: `*.min.js`-style names, or low newline density (average line over 300 bytes, or most of the text in lines
 * over 2,000 bytes). Notebooks are JSON with long output lines and are never called minified.
 * Returns undefined when the file should be scanned.
 */
export function classifyContent(rel: string, bytes: Uint8Array): Extract<SkipReason, 'binary' | 'minified'> | undefined {
  if (bytes.subarray(0, 8192).indexOf(0) !== -1) return 'binary';
  const lower = rel.toLowerCase();
  if (lower.endsWith('.ipynb')) return undefined;
  if (/[.-]min\.(c|m)?js$/.test(lower) || /\.bundle\.(c|m)?js$/.test(lower)) return 'minified';
  if (bytes.length < MINIFIED_MIN_BYTES) return undefined;
  let lines = 1;
  let longBytes = 0;
  let lineStart = 0;
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, lineStart)) {
    if (nl - lineStart > MINIFIED_LONG_LINE_BYTES) longBytes += nl - lineStart;
    lines++;
    lineStart = nl + 1;
  }
  const last = bytes.length - lineStart;
  if (last > MINIFIED_LONG_LINE_BYTES) longBytes += last;
  if (bytes.length / lines > MINIFIED_AVG_LINE_BYTES) return 'minified';
  if (longBytes > bytes.length / 2) return 'minified';
  return undefined;
}
