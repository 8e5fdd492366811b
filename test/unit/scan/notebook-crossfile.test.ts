import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCrossFile } from '../../../src/core/scan/cross-file';
import { languageForFile } from '../../../src/core/scan/languages';
import { scanNotebook } from '../../../src/core/scan/notebook';
import { mayContainCalls } from '../../../src/core/scan/prefilter';
import { scanText, type ScanResult } from '../../../src/core/scan/scan-text';
import { repoRoot, testParsers } from '../../helpers/engine';
import { brief } from './scan-helpers';

const fixtures = join(repoRoot, 'test', 'fixtures', 'scan');

describe('scan: notebooks', () => {
  it('scans code cells as one program and reports cell-relative lines; magics are blanked', async () => {
    const json = readFileSync(join(fixtures, 'quickstart.ipynb'), 'utf8');
    const result = scanNotebook(json, 'quickstart.ipynb', await testParsers());
    assert.deepEqual(
      result.calls.map((c) => `#${c.cell} ${brief(c)} loop=${c.inLoop}`),
      ['#4 2:32 openai/sdk/chat gpt-4o-mini(constant) loop=false', '#5 2:36 anthropic/sdk/chat claude-3-5-haiku-latest(literal) loop=true'],
    );
    const cell5 = (JSON.parse(json).cells[5].source as string);
    const lit = result.calls[1]!.modelLiteral!;
    assert.equal(lit.cell, 5);
    assert.equal(cell5.slice(lit.startOffset, lit.endOffset), '"claude-3-5-haiku-latest"');
    const c4 = result.calls[0]!;
    assert.equal(c4.id, '4:2:32');
    assert.equal((JSON.parse(json).cells[4].source as string[]).join('').slice(c4.nameStartOffset, c4.nameEndOffset), 'create');
  });

  it('a cell that would swallow later cells is scanned alone; later cells still count', async () => {
    const nb = {
      metadata: { kernelspec: { language: 'python' } },
      cells: [
        { cell_type: 'code', source: 'from openai import OpenAI\nclient = OpenAI()\n' },
        { cell_type: 'code', source: 'notes = """unterminated\nclient.chat.completions.create(model="gpt-4o", messages=[])\n' },
        { cell_type: 'code', source: 'client.embeddings.create(model="text-embedding-3-small", input="x")\n' },
      ],
    };
    const result = scanNotebook(JSON.stringify(nb), 'broken-cell.ipynb', await testParsers());
    assert.deepEqual(result.calls.map((c) => `#${c.cell} ${brief(c)}`), ['#2 1:19 openai/sdk/embedding text-embedding-3-small(literal)']);
  });

  it('notebooks in other kernel languages are unsupported, not misread as Python', async () => {
    const nb = { metadata: { kernelspec: { language: 'R' } }, cells: [{ cell_type: 'code', source: 'x <- 1' }] };
    const result = scanNotebook(JSON.stringify(nb), 'stats.ipynb', await testParsers());
    assert.deepEqual(result.calls, []);
    assert.match(result.error ?? '', /no parser for notebook language r/);
  });

  it('reports bad notebook JSON as an error instead of throwing', async () => {
    const result = scanNotebook('{"cells": [', 'broken.ipynb', await testParsers());
    assert.deepEqual(result.calls, []);
    assert.match(result.error ?? '', /broken\.ipynb: not valid notebook JSON/);
  });
});

describe('scan: constants imported from other workspace files', () => {
  it('records modelImport in the file and resolves it across files in audit mode', async () => {
    const parsers = await testParsers();
    const files = ['app/settings.py', 'app/service.py', 'web/lib/models.ts', 'web/lib/summarize.ts'];
    const results = new Map<string, ScanResult>();
    for (const f of files) {
      const lang = languageForFile(f);
      if (!lang || lang === 'notebook') throw new Error(f);
      results.set(f, scanText(readFileSync(join(fixtures, 'crossfile', f), 'utf8'), { languageId: lang, fileName: f }, parsers));
    }
    const service = results.get('app/service.py')!.calls;
    assert.deepEqual(service.map((c) => [c.model, c.modelSource, c.modelImport]), [
      [null, 'unknown', { module: '.settings', name: 'CHAT_MODEL' }],
      [null, 'unknown', { module: 'app.settings', name: 'EMBED_MODEL' }],
    ]);
    assert.deepEqual(results.get('app/settings.py')!.exports, { CHAT_MODEL: 'gpt-4.1-mini', EMBED_MODEL: 'text-embedding-3-small' });
    resolveCrossFile(results);
    assert.deepEqual(service.map((c) => `${c.model}(${c.modelSource})`), ['gpt-4.1-mini(import)', 'text-embedding-3-small(import)']);
    assert.deepEqual(results.get('web/lib/summarize.ts')!.calls.map((c) => `${c.model}(${c.modelSource})`), ['claude-3-5-haiku-latest(import)']);
  });
});

describe('scan: clients imported from another workspace file', () => {
  it('the importing call takes the provider of the client module (base URL host)', async () => {
    const parsers = await testParsers();
    const results = new Map<string, ScanResult>();
    for (const f of ['app/llm_clients.py', 'app/chat.py']) {
      results.set(f, scanText(readFileSync(join(fixtures, 'crossfile', f), 'utf8'), { languageId: 'python', fileName: f }, parsers));
    }
    assert.deepEqual(results.get('app/llm_clients.py')!.clientExports, { fast_client: 'groq' });
    const chat = results.get('app/chat.py')!.calls;
    assert.deepEqual(chat.map((c) => c.provider), ['openai', 'openai']);
    assert.deepEqual(chat[0]!.receiverImport, { module: '.llm_clients', name: 'fast_client' });
    resolveCrossFile(results);
    assert.deepEqual(chat.map((c) => `${c.provider} ${c.model}`), ['groq llama-3.1-8b-instant', 'openai gpt-4o']);
  });
});

describe('scan: languages and prefilter', () => {
  it('maps file names to languages, skipping declaration files', () => {
    assert.deepEqual(
      ['a.py', 'b.ipynb', 'c.ts', 'd.d.ts', 'e.tsx', 'f.mjs', 'g.jsx', 'h.pyi', 'i.go'].map(languageForFile),
      ['python', 'notebook', 'typescript', undefined, 'typescriptreact', 'javascript', 'javascriptreact', undefined, undefined],
    );
  });

  it('mayContainCalls passes SDK files and rejects unrelated code', () => {
    assert.equal(mayContainCalls('from openai import OpenAI\n'), true);
    assert.equal(mayContainCalls("import { generateText } from 'ai';"), true);
    assert.equal(mayContainCalls('import boto3\nboto3.client("bedrock-runtime")'), true);
    assert.equal(mayContainCalls('from .clients import llm\nllm.chat.completions.create(model="x", messages=[])'), true);
    assert.equal(mayContainCalls('requests.post("http://localhost:11434/api/chat", json=body)'), true);
    assert.equal(mayContainCalls('The model was coherent and ready.'), false);
    assert.equal(mayContainCalls('def add(a, b):\n    return a + b\n'), false);
    assert.equal(mayContainCalls('export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);'), false);
  });
});
