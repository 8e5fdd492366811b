import assert from 'node:assert/strict';
import { analyzeText, createEngine, type Engine } from '../../../src/core/index';
import { shortLicenseLabel, MAX_LICENSE_LABEL } from '../../../src/core/license/license-label';
import { formatCsv } from '../../../src/core/report/csv';
import { hoverMarkdown } from '../../../src/core/report/hover';
import { toJsonReport } from '../../../src/core/report/json-report';
import { modelCell, shortModelName, truncateMiddle } from '../../../src/core/report/labels';
import { lensTitle, MAX_LENS_TITLE } from '../../../src/core/report/lens-title';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { formatTable } from '../../../src/core/report/table';
import type { Alternative, AnalyzedCall, AuditResult } from '../../../src/core/types';
import { testCatalog, testParsers } from '../../helpers/engine';
import { sampleAudit } from './sample-audit';

const license = (id: string) => {
  const l = testCatalog().licenses.find((x) => x.id === id);
  assert.ok(l, id);
  return l;
};

describe('short labels', () => {
  it('license: SPDX id, else a short form derived from the catalog name, else the id', () => {
    assert.equal(shortLicenseLabel(license('apache-2.0')), 'Apache-2.0');
    assert.equal(shortLicenseLabel(license('cc-by-nc-4.0')), 'CC-BY-NC-4.0');
    assert.equal(shortLicenseLabel(license('llama-4-community')), 'Llama 4 license');
    assert.equal(shortLicenseLabel(license('llama-3.1-community')), 'Llama 3.1 license');
    assert.equal(shortLicenseLabel(license('gemma-terms')), 'Gemma terms');
    assert.equal(shortLicenseLabel(license('deepseek-model-license')), 'DeepSeek license');
    assert.equal(shortLicenseLabel(license('mistral-research')), 'Mistral Research license');
    assert.equal(shortLicenseLabel(license('openrail-m')), 'OpenRAIL-M');
    assert.equal(shortLicenseLabel(license('anthropic-api-terms')), 'API terms');
    // "Kimi K2 / K2.5 Modified MIT License" would still be 28 characters: the catalog id is shorter and exact.
    assert.equal(shortLicenseLabel(license('kimi-modified-mit')), 'kimi-modified-mit');
    assert.equal(shortLicenseLabel(undefined), 'unknown license');
    for (const l of testCatalog().licenses) assert.ok(shortLicenseLabel(l).length <= MAX_LICENSE_LABEL, `${l.id}: ${shortLicenseLabel(l)}`);
  });

  it('model names lose parenthesised details; long ids are cut in the middle', () => {
    assert.equal(shortModelName('Llama 4 Maverick (17B active, 128 experts)'), 'Llama 4 Maverick');
    assert.equal(shortModelName('Claude 3.5 Sonnet (v2)'), 'Claude 3.5 Sonnet');
    assert.equal(shortModelName('(internal)', 'my-model'), 'my-model');
    assert.equal(truncateMiddle('gpt-4o', 10), 'gpt-4o');
    const raw = 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8';
    assert.equal(truncateMiddle(raw, 45), '…/Llama-4-Maverick-17B-128E-Instruct-FP8');
    assert.equal(truncateMiddle(raw, 29), '…/Llama-4-Maverick…FP8', 'cuts between words');
    assert.equal(truncateMiddle(raw, 38), '…/Llama-4-Maverick-17B…Instruct-FP8');
    assert.equal(truncateMiddle('abcdefghijklmnop', 9), 'abcde…nop');
    assert.equal(truncateMiddle('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 34), '…claude-sonnet-4-5-20250929-v1:0');
    assert.equal(truncateMiddle('gpt-4.1-mini-2025-04-14-with-a-long-suffix', 20).startsWith('gpt-4.1'), true, 'a version dot is no namespace');
  });
});

describe('lens titles on the shipped catalog (issue 4)', () => {
  let engine: Engine;
  before(async () => {
    engine = createEngine({ parsers: await testParsers(), catalog: testCatalog() });
  });
  const analyze = (text: string, file: string): AnalyzedCall => {
    const [c] = analyzeText(text, { languageId: 'python', fileName: file }, engine);
    assert.ok(c, `no call in ${file}`);
    return c;
  };

  it('routine gpt-4o call: short alternative name and license, saving kept, under the width', () => {
    const c = analyze(
      'from openai import OpenAI\nclient = OpenAI()\n\ndef summarize(t):\n    return client.chat.completions.create(model="gpt-4o", temperature=0, max_tokens=400, ' +
        'messages=[{"role": "system", "content": "Summarize the support ticket in three bullet points."}, {"role": "user", "content": t}])\n',
      'app/summarize.py',
    );
    const best = c.advice.alternatives[0];
    assert.ok(best, 'a routine gpt-4o call gets an alternative');
    const title = lensTitle(c);
    assert.ok(title.length <= MAX_LENS_TITLE, `${title.length}: ${title}`);
    assert.ok(title.startsWith('gpt-4o · ~$'), title);
    assert.match(title, / · routine: [^()]+ \([^()]+\) ~\$[\d.,]+\/mo −\d+%$/);
    assert.ok(!title.includes('experts') && !title.includes('Agreement') && !title.includes('…'), title);
    assert.ok(title.includes(`(${best.licenseLabel})`), title);
    // The long names are in the hover.
    const hover = hoverMarkdown(c);
    assert.ok(hover.includes(`**${best.name}**`), hover);
    if (best.licenseName && best.licenseName !== best.licenseLabel) assert.ok(hover.includes(best.licenseName), hover);
    // JSON keeps both: the short label in `license`, the full name in `licenseName`.
    const json = toJsonReport({ calls: [c], files: { scanned: 1, skipped: [] }, issues: [] }, '');
    const alt = json.calls[0]?.advice.alternatives[0];
    assert.deepEqual([alt?.license, alt?.licenseName], [best.licenseLabel, best.licenseName]);
    assert.ok(best.licenseName && best.licenseName.length > 0);
  });

  it('frontier claude-sonnet-4-5 call: "cheaper same-vendor" only when there is one, never cut', () => {
    const c = analyze(
      'import anthropic\nclient = anthropic.Anthropic()\n\ndef plan(items):\n    for x in items:\n        client.messages.create(model="claude-sonnet-4-5", max_tokens=8000, ' +
        'tools=[{"name": "a"}], messages=[{"role": "user", "content": "Write a detailed architecture plan and the code for " + x}])\n',
      'app/plan.py',
    );
    assert.equal(c.advice.class, 'frontier');
    const title = lensTitle(c);
    assert.ok(title.length <= MAX_LENS_TITLE, `${title.length}: ${title}`);
    assert.ok(!title.includes('Commercial Terms') && !title.includes('…'), title);
    const best = c.advice.alternatives[0];
    if (best) {
      assert.match(title, / · cheaper same-vendor: .+ ~\$[\d.,]+\/mo −\d+%/);
      assert.equal(c.policy?.licenseId, best.licenseId);
      assert.ok(!title.includes('API terms'), `same license as the call, left out: ${title}`);
    } else {
      assert.ok(!title.includes('cheaper') && !title.includes('frontier:'), title);
    }
  });

  it('degrades long names in order and always keeps the saving', () => {
    const [routine] = sampleAudit().calls as [AnalyzedCall];
    const long: Alternative = {
      ...(routine.advice.alternatives[0] as Alternative),
      name: 'Extremely Verbose Open Model Name Ultra Instruct (235B total, 22B active, thinking)',
      modelId: 'extremely-verbose-open-model-ultra-instruct-2607',
      licenseLabel: 'Some Long License label',
      monthlyMicroUsd: { low: 9_000_000, high: 9_000_000 },
      savingFraction: 0.98,
    };
    const call: AnalyzedCall = { ...routine, model: 'some-provider/a-really-long-model-string-as-written-in-code-v3', inLoop: true, advice: { ...routine.advice, alternatives: [long] } };
    const title = lensTitle(call);
    assert.ok(title.length <= MAX_LENS_TITLE, `${title.length}: ${title}`);
    assert.ok(title.endsWith('~$9/mo −98%'), title);
    assert.ok(!title.includes('Some Long License'), title);
    // The written string is over 28 characters, so the lens names the canonical id.
    assert.ok(title.startsWith('gpt-4o · '), title);
    // With room, the loop note and the license stay.
    const roomy = lensTitle({ ...call, advice: { ...routine.advice, alternatives: [{ ...long, name: 'Gemma 4 26B', licenseLabel: 'Apache-2.0' }] } });
    assert.equal(roomy, 'gpt-4o · ~$0.0026–0.004/call · ~$167/mo · routine: Gemma 4 26B (Apache-2.0) ~$9/mo −98% · in a loop');
  });
});

describe('audit tables show the model as written with the canonical id (issue 4, item 5)', () => {
  it('table, markdown and CSV', () => {
    const base = sampleAudit();
    const [routine] = base.calls as [AnalyzedCall];
    const written = 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8';
    const maverick: AnalyzedCall = { ...routine, model: written, cost: { ...routine.cost, modelId: 'llama-4-maverick' } };
    const cell = modelCell(maverick);
    assert.ok(cell.length <= 48, cell);
    assert.ok(cell.endsWith(' (llama-4-maverick)'), cell);
    assert.equal(cell, '…/Llama-4-Maverick…FP8 (llama-4-maverick)');
    assert.equal(modelCell(routine), 'gpt-4o', 'no id when the string is the id');
    const audit: AuditResult = { ...base, calls: [maverick] };
    const table = formatTable(audit);
    assert.ok(table.includes(cell), table);
    assert.ok(!table.includes('Instruct-F…'), table);
    const md = formatMarkdown(audit);
    assert.ok(md.includes('(llama-4-maverick)'), md);
    const [header, row] = formatCsv(audit).split('\r\n');
    const cols = header!.split(',');
    const values = row!.split(',');
    assert.equal(values[cols.indexOf('model')], written, 'CSV keeps the full string');
    assert.equal(values[cols.indexOf('model_id')], 'llama-4-maverick');
  });
});
