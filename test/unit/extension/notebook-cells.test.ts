import * as assert from 'node:assert/strict';
import { analyzeText, createEngine } from '../../../src/core';
import { callsForCell, notebookJson, type NotebookCellText } from '../../../src/extension/notebook-cells';
import { testCatalog, testParsers } from '../../helpers/engine';

const cells: NotebookCellText[] = [
  { kind: 'code', languageId: 'python', text: 'from openai import OpenAI\nclient = OpenAI()\nMODEL = "gpt-4o"' },
  { kind: 'markup', languageId: 'markdown', text: '# Summaries\nclient.chat.completions.create(model="gpt-4o-mini")' },
  { kind: 'code', languageId: 'shellscript', text: 'pip install openai' },
  { kind: 'code', languageId: 'python', text: 'resp = client.chat.completions.create(\n    model=MODEL,\n    messages=[{"role": "user", "content": "hi"}],\n)' },
  { kind: 'code', languageId: 'python', text: 'other = client.chat.completions.create(model="gpt-4o-mini", messages=[])' },
];

describe('notebook cells in the editor', () => {
  it('builds .ipynb JSON from the editor cells: markdown and other-language cells are not code', () => {
    const nb = JSON.parse(notebookJson(cells)) as { metadata: { kernelspec: { language: string } }; cells: { cell_type: string; source: string }[] };
    assert.equal(nb.metadata.kernelspec.language, 'python');
    assert.deepEqual(nb.cells.map((c) => c.cell_type), ['code', 'markdown', 'raw', 'code', 'code']);
    assert.equal(nb.cells[3]!.source, cells[3]!.text);
  });

  it('a cell resolves the model constant an earlier cell defines; offsets are the cell\'s own', async () => {
    const engine = createEngine({ parsers: await testParsers(), catalog: testCatalog() });
    const all = analyzeText(notebookJson(cells), { languageId: 'notebook', fileName: 'notes.ipynb' }, engine);
    assert.deepEqual(all.map((c) => c.cell), [3, 4], 'calls only from the code cells, none from markdown');
    const [call] = callsForCell(all, 3);
    assert.equal(call?.model, 'gpt-4o');
    assert.equal(call?.line, 1);
    assert.equal(cells[3]!.text.slice(call!.startOffset, call!.startOffset + 6), 'client');
    assert.equal(call?.modelLiteral, undefined, 'the literal lives in cell 0, so no edit is offered in cell 3');
    const [other] = callsForCell(all, 4);
    assert.equal(other?.model, 'gpt-4o-mini');
    assert.equal(cells[4]!.text.slice(other!.modelLiteral!.startOffset, other!.modelLiteral!.endOffset), '"gpt-4o-mini"');
    assert.deepEqual(callsForCell(all, 0), []);
  });
});
