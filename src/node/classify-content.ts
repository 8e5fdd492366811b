import type { SkipReason } from '../core/types';

/** Default size limit for source files: 1 MiB. Larger files are generated code or data, not hand-written calls. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Notebooks carry their outputs (base64 images, tables) inside the JSON, so a small notebook with a plot is easily
 * over 1 MiB. Only code cells are scanned, so notebooks get a larger limit.
 */
export const NOTEBOOK_MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Lines longer than this are examined as possible minified code. */
const LONG_LINE_BYTES = 1000;
/** Minified code is dense: under 10% spaces in its long lines (English prose in a prompt string has 15–20%). */
const DENSE_SPACE_RATIO = 0.1;
/** Files smaller than this are never called minified: a short one-liner is not a bundle. */
const MINIFIED_MIN_BYTES = 2048;

/** Size limit that applies to a file (by name). */
export function sizeLimitFor(rel: string, maxFileBytes: number): number {
  return rel.toLowerCase().endsWith('.ipynb') ? Math.max(maxFileBytes, NOTEBOOK_MAX_FILE_BYTES) : maxFileBytes;
}

/**
 * Decides whether a file's bytes are worth scanning. Binary: a NUL byte in the first 8 KiB (git's own test).
 * Minified (JavaScript/TypeScript only — Python and notebooks are never minified): a `*.min.js` / `*.bundle.js` name, or
 * most of the file in long lines (over 1,000 bytes) that are dense code (under 10% spaces). Long lines of prose, such
 * as a prompt written on one line, have many spaces and keep the file in the audit: LLM code is full of them.
 * Returns undefined when the file should be scanned.
 */
export function classifyContent(rel: string, bytes: Uint8Array): Extract<SkipReason, 'binary' | 'minified'> | undefined {
  if (bytes.subarray(0, 8192).indexOf(0) !== -1) return 'binary';
  const lower = rel.toLowerCase();
  if (!/\.(c|m)?(j|t)sx?$/.test(lower)) return undefined;
  if (/[.-]min\.(c|m)?js$/.test(lower) || /\.bundle\.(c|m)?js$/.test(lower)) return 'minified';
  if (bytes.length < MINIFIED_MIN_BYTES) return undefined;
  let denseBytes = 0;
  let lineStart = 0;
  for (;;) {
    const nl = bytes.indexOf(10, lineStart);
    const end = nl === -1 ? bytes.length : nl;
    if (end - lineStart > LONG_LINE_BYTES && isDense(bytes, lineStart, end)) denseBytes += end - lineStart;
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return denseBytes > bytes.length / 2 ? 'minified' : undefined;
}

/** Fewer than DENSE_SPACE_RATIO spaces in bytes [start, end). */
function isDense(bytes: Uint8Array, start: number, end: number): boolean {
  let spaces = 0;
  for (let i = start; i < end; i++) if (bytes[i] === 32) spaces++;
  return spaces < (end - start) * DENSE_SPACE_RATIO;
}
