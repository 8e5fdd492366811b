// Builds three bundles — the extension (node/cjs, `vscode` external), the CLI (node/cjs, shebang) and the webview
// (browser/iife) — and compiles the catalog: catalog/*.yaml is validated with the engine's own zod schema and
// inlined into the bundles as `modelwise:catalog`; a bad catalog fails the build. It also generates the TextMate
// injection grammar (syntaxes/) from the catalog's ids and aliases, and copies the tree-sitter WASM files to dist/.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Gives ESM build-tool bundles a `require` for the CommonJS packages they inline. */
const ESM_REQUIRE_BANNER = "import { createRequire as __mwCreateRequire } from 'node:module'; const require = __mwCreateRequire(import.meta.url);";

/** Loads the engine's catalog parser (TypeScript) through esbuild so the build validates with the same code. */
async function loadCatalogParser() {
  const out = join(root, 'out', 'build-tools');
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'src/core/catalog/build-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(out, 'catalog-build.mjs'),
    logLevel: 'silent',
    // CommonJS dependencies (yaml) call require('process'); an ESM bundle has no `require` unless given one.
    banner: { js: ESM_REQUIRE_BANNER },
  });
  return import(pathToFileURL(join(out, 'catalog-build.mjs')).href + `?t=${Date.now()}`);
}

export async function compileCatalog() {
  const { parseCatalog, buildGrammar } = await loadCatalogParser();
  const dir = join(root, 'catalog');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `catalog/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const { catalog, issues } = parseCatalog(files);
  if (issues.length > 0) {
    const lines = issues.map((i) => `  ${i.file}${i.line ? `:${i.line}:${i.column}` : ''}${i.path ? ` (${i.path})` : ''}: ${i.message}`);
    throw new Error(`catalog is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
  mkdirSync(join(root, 'syntaxes'), { recursive: true });
  writeFileSync(join(root, 'syntaxes', 'model-ids.injection.json'), JSON.stringify(buildGrammar(catalog), null, 2) + '\n');
  return catalog;
}

function catalogPlugin(catalogJson) {
  return {
    name: 'modelwise-catalog',
    setup(build) {
      build.onResolve({ filter: /^modelwise:catalog$/ }, () => ({ path: 'catalog', namespace: 'modelwise-catalog' }));
      build.onLoad({ filter: /.*/, namespace: 'modelwise-catalog' }, () => ({ contents: catalogJson, loader: 'json' }));
    },
  };
}

/** Reports errors in the `$esbuild-watch` problem-matcher format. */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** The engine (src/core) and the webview may import neither `vscode` nor Node built-ins: they take text and return data. */
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const boundaries = {
  name: 'module-boundaries',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      const from = args.importer.replace(/\\/g, '/');
      const restricted = /\/src\/(core|webview)\//.test(from);
      if (restricted && (args.path === 'vscode' || NODE_BUILTINS.has(args.path) || args.path.startsWith('node:'))) {
        return { errors: [{ text: `'${args.path}' imported from ${from}: src/core and src/webview may not use vscode or Node built-ins` }] };
      }
      return undefined;
    });
  },
};

/** The engine, the CLI and the webview must never reach `vscode`; only the extension bundle marks it external. */
const forbidVscode = {
  name: 'forbid-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => ({ errors: [{ text: `'vscode' imported from ${args.importer}: only the extension bundle may use it` }] }));
  },
};

/**
 * Extension start-up: the tokenizer ranks (js-tiktoken o200k/cl100k, ~3.4 MB of JS) would otherwise sit in
 * dist/extension.js and be parsed on every activation. This plugin (extension bundle only) replaces them with a stub
 * that `require`s dist/ranks/<name>.cjs at first use — the engine already requires them lazily.
 */
const LAZY_RANKS = ['o200k_base', 'cl100k_base'];
const lazyRanks = {
  name: 'lazy-tokenizer-ranks',
  setup(build) {
    build.onResolve({ filter: /^js-tiktoken\/ranks\/(o200k_base|cl100k_base)$/ }, (args) => ({ path: args.path.split('/').pop(), namespace: 'lazy-ranks' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-ranks' }, (args) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, 'ranks', ${JSON.stringify(`${args.path}.cjs`)}));`,
      loader: 'js',
    }));
  },
};

function copyRanks() {
  mkdirSync(join(root, 'dist', 'ranks'), { recursive: true });
  for (const name of LAZY_RANKS) copyFileSync(require.resolve(`js-tiktoken/ranks/${name}`), join(root, 'dist', 'ranks', `${name}.cjs`));
}

function copyWasm() {
  mkdirSync(join(root, 'dist', 'grammars'), { recursive: true });
  const files = {
    'web-tree-sitter.wasm': require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    'tree-sitter-python.wasm': require.resolve('tree-sitter-python/tree-sitter-python.wasm'),
    'tree-sitter-javascript.wasm': require.resolve('tree-sitter-javascript/tree-sitter-javascript.wasm'),
    'tree-sitter-typescript.wasm': require.resolve('tree-sitter-typescript/tree-sitter-typescript.wasm'),
    'tree-sitter-tsx.wasm': require.resolve('tree-sitter-typescript/tree-sitter-tsx.wasm'),
  };
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(root, 'dist', 'grammars', name));
}

/**
 * Writes media/modelwise.schema.json (contributed through `yamlValidation` so YAML tooling validates .modelwise.yaml)
 * from the engine's zod ConfigSchema via zod 4's z.toJSONSchema — one source of truth for the config's shape.
 */
export async function generateConfigSchema() {
  const out = join(root, 'out', 'build-tools');
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'src/extension/config-schema-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(out, 'config-schema.mjs'),
    logLevel: 'silent',
    banner: { js: ESM_REQUIRE_BANNER },
  });
  const { configJsonSchema } = await import(pathToFileURL(join(out, 'config-schema.mjs')).href + `?t=${Date.now()}`);
  mkdirSync(join(root, 'media'), { recursive: true });
  writeFileSync(join(root, 'media', 'modelwise.schema.json'), JSON.stringify(configJsonSchema(), null, 2) + '\n');
}

async function main() {
  const catalog = await compileCatalog();
  await generateConfigSchema();
  const catalogJson = JSON.stringify(catalog);
  copyWasm();
  copyRanks();
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [catalogPlugin(catalogJson), boundaries, problemMatcher],
    // The node bundles are CommonJS: take web-tree-sitter's CommonJS build (its ESM build needs import.meta.url,
    // which is empty in a CJS bundle, and fails in Parser.init).
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  };
  const contexts = await Promise.all([
    esbuild.context({
      ...common,
      plugins: [...common.plugins, lazyRanks],
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
    }),
    esbuild.context({
      ...common,
      plugins: [...common.plugins, forbidVscode],
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli.js',
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      banner: { js: '#!/usr/bin/env node' },
    }),
    esbuild.context({
      ...common,
      plugins: [...common.plugins, forbidVscode],
      entryPoints: ['src/webview/main.ts'],
      outfile: 'dist/webview.js',
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    for (const f of failed) console.error(String(f.reason?.message ?? f.reason));
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e.message ?? e);
    process.exitCode = 1;
  });
}
