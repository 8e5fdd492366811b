// Benchmark: `modelwise audit` against ripgrep over the same large tree, re-analysis of a 5,000-line file after an
// edit, and the engine's start-up cost. Writes test/bench/RESULTS.md.
// usage: node test/bench/run.mjs [--runs N] [--js-mb N] [--py-mb N] [--tree DIR]
// The tree (JS/TS sources copied from node_modules + generated Python services with LLM calls) is built once in
// $TMPDIR/modelwise-bench-tree and reused while its recipe is unchanged.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePythonTree, generateLargePythonFile } from './generate.mjs';
import { measureReanalysis, reanalysisTable } from './reanalysis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', '5'));
const JS_MB = Number(arg('js-mb', '70'));
const PY_MB = Number(arg('py-mb', '12'));
const TREE = arg('tree', join(tmpdir(), 'modelwise-bench-tree'));
/** What rg searches for: the call shapes the scanner's SDK table starts from (one alternation, as a user would type). */
const RG_PATTERN =
  'chat\\.completions|responses\\.create|messages\\.create|messages\\.stream|generate_content|generateContent|embeddings\\.create|' +
  'ChatCompletion|invoke_model|converse|InvokeModelCommand|ConverseCommand|litellm|completion\\(|ChatOpenAI|ChatAnthropic|' +
  'init_chat_model|initChatModel|generateText|streamText|generateObject|streamObject|embedMany|chat\\.complete|\\.embed\\(';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function ensureBuilt() {
  if (!existsSync(join(root, 'dist', 'cli.js'))) execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}

const SKIPPED = new Set(['dist', 'build', 'out', 'vendor', 'vendors', 'third_party', 'coverage', 'node_modules', 'lib-cov', '.cache']);

/** Copies .js/.ts/.mjs/.cjs sources (not .d.ts) of installed packages, up to `mb` megabytes, keeping their paths. */
function copyNodeModules(dest, mb) {
  const budget = mb * 1e6;
  let bytes = 0;
  let files = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (bytes >= budget) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(m|c)?(j|t)s$/.test(e.name) && !/\.d\.(m|c)?ts$/.test(e.name)) {
        const size = statSync(p).size;
        // Directory names the audit skips by default (dist, build, vendor, …) are renamed so that rg and the audit
        // read the same files.
        const rel = relative(join(root, 'node_modules'), p).split('/').map((seg, i, all) => (i < all.length - 1 && SKIPPED.has(seg) ? `${seg}_src` : seg));
        const to = join(dest, ...rel);
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(p, to);
        bytes += size;
        files++;
      }
    }
  };
  walk(join(root, 'node_modules'));
  return { bytes, files };
}

function buildTree() {
  const recipe = JSON.stringify({ v: 3, JS_MB, PY_MB });
  const marker = join(TREE, '.bench-recipe');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === recipe) return;
  rmSync(TREE, { recursive: true, force: true });
  mkdirSync(TREE, { recursive: true });
  // Named "packages", not node_modules: the audit would skip node_modules and the comparison would be unfair.
  const js = copyNodeModules(join(TREE, 'packages'), JS_MB);
  const py = generatePythonTree(join(TREE, 'services'), PY_MB * 1e6);
  writeFileSync(marker, recipe);
  console.log(`tree: ${js.files} JS/TS files (${(js.bytes / 1e6).toFixed(1)} MB) + ${py.files} Python files (${(py.bytes / 1e6).toFixed(1)} MB) in ${TREE}`);
}

function treeStats() {
  let bytes = 0;
  let files = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(TREE);
  return { bytes, files };
}

/**
 * Wall times in ms of several commands, interleaved (A B C, A B C, …) so that every command sees the same background
 * load; one untimed warm-up round first, so all of them read from the page cache.
 */
function timeInterleaved(commands) {
  const run = ({ cmd, args, env = {} }) =>
    spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ...env } });
  for (const c of commands) run(c);
  const times = commands.map(() => []);
  const last = [];
  for (let i = 0; i < RUNS; i++) {
    commands.forEach((c, k) => {
      const t0 = process.hrtime.bigint();
      const r = run(c);
      times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0 && !(c.cmd === 'rg' && r.status === 1)) throw new Error(`${c.cmd} failed (${r.status}): ${r.stderr?.slice(0, 500)}`);
      last[k] = r;
    });
  }
  return commands.map((_, k) => ({ median: median(times[k]), min: Math.min(...times[k]), max: Math.max(...times[k]), stdout: last[k].stdout }));
}

/** CPU seconds (user + system) of a command, via GNU time; undefined where /usr/bin/time is missing. */
function cpuSeconds(cmd, args, env = {}) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', 'MWCPU %U %S', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  const m = /MWCPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return m ? Number(m[1]) + Number(m[2]) : undefined;
}

/** Buckets of a CPU profile: which part of the audit the main thread spends its time in. */
const BUCKETS = [
  ['tree-sitter parsing (WASM)', (f) => f.functionName.startsWith('wasm-function')],
  ['syntax tree copy to JS (cursor marshalling)', (f) => /marshal|^setValue$|^getValue$|copyTree|TreeCursor/.test(f.functionName)],
  ['text prefilter (regular expressions)', (f) => f.functionName.startsWith('RegExp:')],
  ['tokenizer (js-tiktoken ranks and encoding)', (f) => /Tiktoken|tiktoken|encode|bytePairMerge/.test(f.functionName)],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['file system', (f) => /^(openFileHandle|read|readSync|stat|fstat|lstat|close|readdir|readFileUtf8|readFileSync|existsSync|statSync|readdirSync|open)$/.test(f.functionName)],
  ['idle / waiting', (f) => f.functionName === '(idle)' || f.functionName === '(program)'],
];

/** CPU profile of one main-thread audit, summed into BUCKETS (the rest is the engine's own JavaScript). */
function profileAudit(cli) {
  const dir = mkdtempSync(join(tmpdir(), 'mw-prof-'));
  try {
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, cli, 'audit', TREE, '--format', 'json'], {
      stdio: 'ignore',
      env: { ...process.env, MODELWISE_WORKERS: '0' },
    });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return undefined;
    const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const sums = new Map(BUCKETS.map(([name]) => [name, 0]));
    let total = 0;
    let other = 0;
    prof.samples.forEach((id, i) => {
      const dt = (prof.timeDeltas[i] ?? 0) / 1000;
      total += dt;
      const frame = byId.get(id).callFrame;
      const bucket = BUCKETS.find(([, test]) => test(frame));
      if (bucket) sums.set(bucket[0], sums.get(bucket[0]) + dt);
      else other += dt;
    });
    return { total, rows: [...sums.entries(), ['engine JavaScript (scan, estimate, advice, report)', other]] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bundles the engine (core + node parser loading + the compiled catalog) so the bench can call it in-process. */
async function loadEngine() {
  const esbuild = await import('esbuild');
  const { compileCatalog } = await import(pathToFileURL(join(root, 'esbuild.mjs')).href);
  const catalog = await compileCatalog();
  const out = join(root, 'out', 'bench', 'engine.cjs');
  await esbuild.build({
    stdin: {
      contents: `export { createEngine, analyzeText } from './src/core/index';\nexport { loadParsers } from './src/node/load-parsers';\nexport * as prefilter from './src/core/scan/prefilter';\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'silent',
    alias: { 'web-tree-sitter': createRequire(import.meta.url).resolve('web-tree-sitter') },
  });
  return { engineModule: createRequire(import.meta.url)(out), catalog };
}

/** How much of the tree the scanner's text prefilter lets through to the parser (files and bytes). */
function prefilterStats(mayContainCalls) {
  if (typeof mayContainCalls !== 'function') return undefined;
  let files = 0;
  let bytes = 0;
  let passFiles = 0;
  let passBytes = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(m|c)?(j|t)sx?$|\.py$/.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        files++;
        bytes += text.length;
        if (mayContainCalls(text)) {
          passFiles++;
          passBytes += text.length;
        }
      }
    }
  };
  walk(TREE);
  return { files, bytes, passFiles, passBytes };
}

async function engineTimings() {
  const t0 = performance.now();
  const { engineModule, catalog } = await loadEngine();
  const loadMs = performance.now() - t0;
  const { createEngine, analyzeText, loadParsers } = engineModule;
  const prefilter = prefilterStats(engineModule.prefilter?.mayContainCalls);
  const s0 = performance.now();
  const parsers = await loadParsers();
  const s1 = performance.now();
  const engine = createEngine({ parsers, catalog });
  const s2 = performance.now();
  const small = 'from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Summarize: hi"}])\n';
  const first = analyzeText(small, { languageId: 'python', fileName: 'first.py' }, engine);
  const s3 = performance.now();
  const big = generateLargePythonFile(5000);
  const bigLines = big.split('\n').length;
  const c0 = performance.now();
  const calls = analyzeText(big, { languageId: 'python', fileName: 'big.py' }, engine);
  const coldBig = performance.now() - c0;
  const edits = [];
  let text = big;
  for (let i = 0; i < 30; i++) {
    const at = text.indexOf('\n', Math.floor(text.length * ((i * 7919) % 100) / 100));
    text = `${text.slice(0, at)}  # edit ${i}${text.slice(at)}`;
    const e0 = performance.now();
    analyzeText(text, { languageId: 'python', fileName: 'big.py' }, engine);
    edits.push(performance.now() - e0);
  }
  const byKind = measureReanalysis({ analyzeText, createEngine, parsers, catalog, generate: generateLargePythonFile });
  return {
    byKind,
    bundleMs: loadMs,
    parsersMs: s1 - s0,
    createEngineMs: s2 - s1,
    firstAnalyzeMs: s3 - s2,
    firstCalls: first.length,
    bigLines,
    bigCalls: calls.length,
    coldBigMs: coldBig,
    editMedianMs: median(edits),
    editMaxMs: Math.max(...edits),
    prefilter,
  };
}

async function main() {
  const loadBefore = loadavg()[0];
  ensureBuilt();
  buildTree();
  const stats = treeStats();
  console.log(`tree: ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB; ${RUNS} timed runs each after one warm-up`);
  const cli = join(root, 'dist', 'cli.js');
  const [rg, audit, single, split] = timeInterleaved([
    { cmd: 'rg', args: ['-c', '--no-messages', RG_PATTERN, TREE] },
    { cmd: process.execPath, args: [cli, 'audit', TREE, '--format', 'json'] },
    { cmd: process.execPath, args: [cli, 'audit', TREE, '--format', 'json'], env: { MODELWISE_WORKERS: '0' } },
    { cmd: process.execPath, args: [cli, 'audit', TREE, '--format', 'json'], env: { MODELWISE_WORKERS: '1' } },
  ]);
  const rgFiles = rg.stdout.split('\n').filter(Boolean).length;
  console.log(`rg:    median ${ms(rg.median)} (min ${ms(rg.min)}, max ${ms(rg.max)}), ${rgFiles} files match`);
  const report = JSON.parse(audit.stdout);
  console.log(`audit: median ${ms(audit.median)} (min ${ms(audit.min)}, max ${ms(audit.max)}), ${report.calls.length} calls, ${report.files?.scanned} files scanned`);
  console.log(`audit (main thread only): median ${ms(single.median)}; (main + 1 worker): median ${ms(split.median)}`);
  const ratio = audit.median / rg.median;
  const ratioMin = audit.min / rg.min;
  console.log(`ratio audit/rg: ${ratio.toFixed(2)}x of medians, ${ratioMin.toFixed(2)}x of minima (target ≤ 3x)`);
  const profile = profileAudit(cli);
  const cpuRuns = Math.max(3, Math.min(RUNS, 5));
  const rgCpu = [];
  const auditCpu = [];
  for (let i = 0; i < cpuRuns; i++) {
    rgCpu.push(cpuSeconds('rg', ['-c', '--no-messages', RG_PATTERN, TREE]));
    auditCpu.push(cpuSeconds(process.execPath, [cli, 'audit', TREE, '--format', 'json'], { MODELWISE_WORKERS: '0' }));
  }
  const cpu = rgCpu.every((x) => x !== undefined) ? { rg: median(rgCpu) * 1000, audit: median(auditCpu) * 1000 } : undefined;
  if (cpu) console.log(`cpu time: rg ${ms(cpu.rg)}, audit ${ms(cpu.audit)} (${(cpu.audit / cpu.rg).toFixed(1)}x)`);
  const eng = await engineTimings();
  console.log(`re-analysis of a ${eng.bigLines}-line file after an edit: median ${ms(eng.editMedianMs)}, max ${ms(eng.editMaxMs)} (target < 5 ms)`);
  console.log(`start-up: loadParsers ${ms(eng.parsersMs)}, createEngine ${ms(eng.createEngineMs)}, first analyzeText ${ms(eng.firstAnalyzeMs)}`);
  const loadAfter = loadavg()[0];
  const pf = eng.prefilter;
  const pfLine = pf
    ? `The scanner's text prefilter (src/core/scan/prefilter.ts) lets ${pf.passFiles} of ${pf.files} source files through to the parser
(${(pf.passBytes / 1e6).toFixed(1)} of ${(pf.bytes / 1e6).toFixed(1)} MB); parsing and walking those files is where the audit's time goes.`
    : 'The scanner exposes no text prefilter: every source file is parsed.';
  const skipped = {};
  for (const s of report.files?.skipped ?? []) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
  const md = `# Benchmark results

Measured by \`npm run bench\` (test/bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'unknown CPU'},
${availableParallelism()} cores, Node ${process.version}. Load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the
runs: the machine was shared with other work, so absolute times are pessimistic and noisy; the min column is the
least disturbed run.

## Cold audit against ripgrep

Tree: ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB — JS/TS sources copied from this repository's node_modules
(${JS_MB} MB budget, minified bundles included) plus generated Python services with LLM calls (${PY_MB} MB).
Each command ran once to warm the page cache, then ${RUNS} timed rounds with the commands interleaved (so each sees
the same background load); times are wall time of a fresh process.

| command | median | min | max |
|---|---|---|---|
| \`rg -c '<SDK call pattern>' TREE\` | ${ms(rg.median)} | ${ms(rg.min)} | ${ms(rg.max)} |
| \`node dist/cli.js audit TREE --format json\` | ${ms(audit.median)} | ${ms(audit.min)} | ${ms(audit.max)} |
| same, \`MODELWISE_WORKERS=0\` (main thread only) | ${ms(single.median)} | ${ms(single.min)} | ${ms(single.max)} |
| same, \`MODELWISE_WORKERS=1\` (main thread + 1 worker) | ${ms(split.median)} | ${ms(split.min)} | ${ms(split.max)} |

By default the CLI starts one worker per idle core (cores minus the load average), so on a busy machine the default
run is the main-thread run.

**Ratio audit / rg: ${ratio.toFixed(2)}× of medians, ${ratioMin.toFixed(2)}× of minima** (target ≤ 3×). rg matched ${rgFiles} files; the audit reported
${report.calls.length} calls in ${report.files?.scanned} scanned files and skipped ${Object.entries(skipped).map(([k, v]) => `${v} ${k}`).join(', ') || 'nothing'}.
${cpu ? `CPU time (user + system, median of ${cpuRuns}; steadier than wall time on a shared machine): rg ${ms(cpu.rg)},
main-thread audit ${ms(cpu.audit)} — **${(cpu.audit / cpu.rg).toFixed(1)}×**.\n` : ''}rg only finds lines; the audit parses, resolves models, counts tokens and prices every call.
${pfLine}

${
    profile
      ? `### Where the time goes

CPU profile of one main-thread audit of the same tree (\`node --cpu-prof\`, ${ms(profile.total)} sampled):

| part | time | share |
|---|---:|---:|
${profile.rows
  .sort((a, b) => b[1] - a[1])
  .map(([name, t]) => `| ${name} | ${ms(t)} | ${((100 * t) / profile.total).toFixed(0)}% |`)
  .join('\n')}
`
      : ''
  }
### Floor

Parsing is the floor of a cold audit with this design: the files that can hold a call (the prefilter's pass list above,
nearly all of them files that do) must be parsed by tree-sitter in WASM and copied into JS objects for the scanner,
and the profile shows parsing alone costing several times rg's whole run; the copy (one WASM crossing per cursor step)
and the scan add as much again. Two idle cores halve that at best, so ≤ 3× rg is out of reach for a cold audit of this
tree; what is left to gain is in the copy (a native tree-sitter binding for the CLI, or a cursor API that returns many
nodes per crossing) and in not auditing unchanged files again (a content-hash cache the user asks for).

## Re-analysis after an edit

A generated ${eng.bigLines}-line Python file with ${eng.bigCalls} LLM calls: first analysis ${ms(eng.coldBigMs)}; after a one-line
edit (30 edits, each adding a trailing comment; other kinds of edit below) the engine's \`analyzeText\` takes a median of **${ms(eng.editMedianMs)}** (max ${ms(eng.editMaxMs)}; target < 5 ms).

By kind of edit (test/bench/reanalysis.mjs; each kind on a fresh engine; cold = a fresh engine's first analysis of the
same file, ${ms(eng.byKind.coldMs)} median here). Engine paths (src/core/scan/incremental.ts): *shifted* = whitespace/comment
edit, previous result moved without parsing or scanning; *copy* = typing inside a string, the previous syntax-tree copy
shifted and the file re-scanned without parsing; *calls* = incremental re-parse, top-level statements the re-parse did not
change taken from the previous copy, re-scan; unchanged calls keep their estimates; *none* = the first analysis.

${reanalysisTable(eng.byKind)}

## Engine start-up

\`loadParsers()\` (web-tree-sitter + 4 grammars) ${ms(eng.parsersMs)}, \`createEngine\` ${ms(eng.createEngineMs)}, first
\`analyzeText\` of a one-call file ${ms(eng.firstAnalyzeMs)} (includes loading the o200k ranks on first token count).
Loading the extension bundle inside VS Code is not measured here.
`;
  writeFileSync(join(root, 'test', 'bench', 'RESULTS.md'), md);
  console.log('wrote test/bench/RESULTS.md');
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exitCode = 1;
});
