/**
 * Token counting for OpenAI's BPE encodings (o200k_base, cl100k_base) without building js-tiktoken's full encoder.
 *
 * Why: js-tiktoken's constructor decodes all ~200,000 ranks into byte arrays and comma-joined keys before the first
 * count — about a second on a busy machine, which the first code lens would wait for. Counting needs only "is this
 * byte sequence a token, and at which rank", so this index keeps the ranks file's own base64 strings as keys (no
 * decoding: ~9× faster to build) and looks pieces up by their base64 form.
 *
 * The algorithm is tiktoken's: split with the encoding's regex, then for each piece that is not itself a token,
 * repeatedly merge the adjacent pair whose concatenation has the lowest rank (first one on ties) until no pair is a
 * token; the count is the number of parts left. Special-token text is counted as ordinary text (as
 * `encode(text, [], [])`). A unit test checks equality with js-tiktoken over a large mixed corpus.
 */

/** The rank data js-tiktoken ships: `bpe_ranks` lines of `! <offset> <base64 token> <base64 token> …`. */
export interface BpeRanks {
  pat_str: string;
  bpe_ranks: string;
}

/** A counting index over one encoding. */
export interface BpeCounter {
  count(text: string): number;
}

/** Pieces longer than this (bytes) — pathological runs with no split point — are merged in chunks of this size, a
 * bounded approximation (the merge is quadratic in the piece length). Real prompts never get near it. */
const MAX_PIECE_BYTES = 16_384;

const utf8 = new TextEncoder();

/** Bytes of a string as a "binary string" (one char per byte), which btoa accepts. */
function binary(s: string): string {
  const bytes = utf8.encode(s);
  if (bytes.length < 4096) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return out;
}

/** Builds the counting index: one Map entry per token, keyed by its base64 text as written in the ranks file. */
export function createBpeCounter(ranks: BpeRanks): BpeCounter {
  const map = new Map<string, number>();
  let lineStart = 0;
  const data = ranks.bpe_ranks;
  while (lineStart < data.length) {
    let lineEnd = data.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = data.length;
    if (lineEnd > lineStart) {
      const parts = data.slice(lineStart, lineEnd).split(' ');
      const offset = Number.parseInt(parts[1] ?? '0', 10);
      for (let i = 2; i < parts.length; i++) map.set(parts[i] as string, offset + i - 2);
    }
    lineStart = lineEnd + 1;
  }
  const rankOf = (bytes: string): number => map.get(btoa(bytes)) ?? Infinity;

  const mergeCount = (piece: string): number => {
    const starts: number[] = [];
    for (let i = 0; i <= piece.length; i++) starts.push(i);
    const pairRank = (i: number): number => (i + 2 < starts.length ? rankOf(piece.slice(starts[i], starts[i + 2])) : Infinity);
    const pair: number[] = [];
    for (let i = 0; i < starts.length - 1; i++) pair.push(pairRank(i));
    for (;;) {
      let min = Infinity;
      let at = -1;
      for (let i = 0; i < pair.length; i++) {
        const r = pair[i] as number;
        if (r < min) {
          min = r;
          at = i;
        }
      }
      if (at < 0) break;
      starts.splice(at + 1, 1);
      pair.splice(at + 1, 1);
      pair[at] = pairRank(at);
      if (at > 0) pair[at - 1] = pairRank(at - 1);
    }
    return starts.length - 1;
  };

  const pieceCount = (piece: string): number => {
    if (piece.length === 1 || map.has(btoa(piece))) return 1;
    if (piece.length <= MAX_PIECE_BYTES) return mergeCount(piece);
    let n = 0;
    for (let i = 0; i < piece.length; i += MAX_PIECE_BYTES) n += pieceCount(piece.slice(i, i + MAX_PIECE_BYTES));
    return n;
  };

  const pattern = new RegExp(ranks.pat_str, 'gu');
  return {
    count(text: string): number {
      let n = 0;
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) n += pieceCount(binary(m[0]));
      return n;
    },
  };
}
