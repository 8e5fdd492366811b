// Re-analysis of a large file after an edit, by kind of edit, as the editor does it (analyzeText on every document
// version). Wall time and CPU time (process.cpuUsage: this thread's own work, less disturbed by other processes on a
// shared machine) per edit, which path the engine took, and a cold analysis of the same text as the reference.
// Used by run.mjs; standalone: node test/bench/reanalysis.mjs (needs an engine bundle, see run.mjs loadEngine).

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Edits an editor produces, each a function (text, i) → new text. */
export const EDIT_KINDS = {
  'trailing comment (`  # edit i` at a line end)': (text, i) => {
    const at = text.indexOf('\n', Math.floor((text.length * ((i * 7919) % 100)) / 100));
    return `${text.slice(0, at)}  # edit ${i}${text.slice(at)}`;
  },
  'blank line between functions': (text, i) => {
    const at = text.indexOf('\n\ndef ', Math.floor((text.length * ((i * 7919) % 100)) / 100));
    return at < 0 ? `${text}\n` : `${text.slice(0, at)}\n${text.slice(at)}`;
  },
  'typing in a prompt string': (text, i) => {
    const at = text.indexOf('Summarize', Math.floor((text.length * ((i * 7919) % 100)) / 100));
    return at < 0 ? text.replace('Summarize', 'Summarize!') : `${text.slice(0, at)}${'abcdefgh'[i % 8]}${text.slice(at)}`;
  },
  'a new code line in a function': (text, i) => {
    const at = text.indexOf('\n    return ', Math.floor((text.length * ((i * 7919) % 100)) / 100));
    return at < 0 ? text : `${text.slice(0, at)}\n    v_${i} = ${i}${text.slice(at)}`;
  },
};

/**
 * Times `edits` edits of each kind on a `lines`-line generated Python file. `analyzeText`/`createEngine` come from the
 * engine bundle; `generate(lines)` makes the file.
 */
export function measureReanalysis({ analyzeText, createEngine, parsers, catalog, generate, lines = 5000, edits = 30 }) {
  const base = generate(lines);
  const opts = (fileName) => ({ languageId: 'python', fileName });
  // Reference: a cold analysis of the same text with a fresh engine (parse, scan, estimate every call).
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const engine = createEngine({ parsers, catalog });
    const t0 = performance.now();
    analyzeText(base, opts('cold.py'), engine);
    cold.push(performance.now() - t0);
  }
  const coldMs = median(cold);
  const kinds = [];
  for (const [kind, edit] of Object.entries(EDIT_KINDS)) {
    const engine = createEngine({ parsers, catalog });
    const paths = {};
    const run = engine.cache.incremental?.run?.bind(engine.cache.incremental);
    if (run) {
      engine.cache.incremental.run = (...args) => {
        const out = run(...args);
        paths[out.reused] = (paths[out.reused] ?? 0) + 1;
        return out;
      };
    }
    let text = base;
    analyzeText(text, opts('big.py'), engine);
    const wall = [];
    const cpu = [];
    for (let i = 0; i < edits; i++) {
      text = edit(text, i);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      analyzeText(text, opts('big.py'), engine);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    kinds.push({ kind, wallMedianMs: median(wall), wallMinMs: Math.min(...wall), cpuMedianMs: median(cpu), paths });
  }
  return { lines: base.split('\n').length, coldMs, kinds };
}

/** Markdown table of measureReanalysis's result. */
export function reanalysisTable(r) {
  const rows = r.kinds.map(
    (k) =>
      `| ${k.kind} | ${k.wallMedianMs.toFixed(2)} ms | ${k.wallMinMs.toFixed(2)} ms | ${k.cpuMedianMs.toFixed(2)} ms | ${(r.coldMs / k.wallMedianMs).toFixed(0)}× | ${Object.entries(k.paths)
        .map(([p, n]) => `${n} ${p}`)
        .join(', ')} |`,
  );
  return `| edit (30 of each) | wall median | wall min | CPU median | cold / edit | engine path |
|---|---:|---:|---:|---:|---|
${rows.join('\n')}`;
}

/** Standalone: bundles the engine like run.mjs and prints the table. */
async function main() {
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  const { fileURLToPath, pathToFileURL } = await import('node:url');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const esbuild = await import('esbuild');
  const { compileCatalog } = await import(pathToFileURL(join(root, 'esbuild.mjs')).href);
  const { generateLargePythonFile } = await import('./generate.mjs');
  const catalog = await compileCatalog();
  const out = join(root, 'out', 'bench', 'engine-reanalysis.cjs');
  await esbuild.build({
    stdin: { contents: `export { createEngine, analyzeText } from './src/core/index';\nexport { loadParsers } from './src/node/load-parsers';\n`, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'silent',
    alias: { 'web-tree-sitter': createRequire(import.meta.url).resolve('web-tree-sitter') },
  });
  const m = createRequire(import.meta.url)(out);
  const parsers = await m.loadParsers();
  const r = measureReanalysis({ ...m, parsers, catalog, generate: generateLargePythonFile });
  console.log(`${r.lines}-line file, cold analysis ${r.coldMs.toFixed(1)} ms\n${reanalysisTable(r)}`);
}

const { pathToFileURL: toUrl } = await import('node:url');
if (process.argv[1] && import.meta.url === toUrl(process.argv[1]).href) await main();
