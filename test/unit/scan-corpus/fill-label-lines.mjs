// Fills `line` (and `altLine`) of every label in test/fixtures/corpus/labels.json from its `anchor` / `nth`
// (and `altAnchor` / `altNth`): the line holding the nth occurrence of the anchor in the file, or in the cell for
// notebooks. Labels are written by hand; this only keeps their line numbers in step with the fixtures.
// Usage: node test/unit/scan-corpus/fill-label-lines.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');
const labelsPath = join(root, 'labels.json');
const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));

function body(file, cell) {
  const text = readFileSync(join(root, file), 'utf8');
  if (cell === undefined) return text;
  const src = JSON.parse(text).cells[cell]?.source;
  if (src === undefined) throw new Error(`${file}: no cell ${cell}`);
  return Array.isArray(src) ? src.join('') : src;
}

function findLine(text, anchor, nth, where) {
  let from = 0;
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(anchor, from);
    if (at < 0) throw new Error(`${where}: occurrence ${nth} of ${JSON.stringify(anchor)} not found`);
    from = at + anchor.length;
  }
  return text.slice(0, at).split('\n').length;
}

let errors = 0;
for (const l of labels.calls) {
  const where = `${l.file}${l.cell !== undefined ? `#${l.cell}` : ''}`;
  try {
    const text = body(l.file, l.cell);
    l.line = findLine(text, l.anchor, l.nth ?? 1, where);
    if (l.altAnchor !== undefined) l.altLine = findLine(text, l.altAnchor, l.altNth ?? 1, where);
  } catch (e) {
    errors++;
    console.error(e.message);
  }
}
const order = ['file', 'cell', 'line', 'anchor', 'nth', 'altLine', 'altAnchor', 'altNth', 'provider', 'api', 'model', 'modelAmbiguous', 'optional', 'note'];
const lines = labels.calls.map((l) => JSON.stringify(Object.fromEntries(order.filter((k) => l[k] !== undefined).map((k) => [k, l[k]]))));
const files = [...new Set(labels.files)].sort();
writeFileSync(labelsPath, `{\n  "files": [\n${files.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ],\n  "calls": [\n${lines.map((s) => `    ${s}`).join(',\n')}\n  ]\n}\n`);
console.log(`${labels.calls.length} labels, ${files.length} files, ${errors} error(s)`);
process.exitCode = errors ? 1 : 0;
