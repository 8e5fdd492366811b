import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCall } from '../../../src/core/advise/classify';
import { ConfigSchema } from '../../../src/core/config/schema';
import type { Api } from '../../../src/core/types';
import { repoRoot } from '../../helpers/engine';
import { model } from '../policy/fixtures';
import { callSite } from './call-fixture';

interface Item {
  id: string;
  label: 'routine' | 'frontier';
  why: string;
  call: { api: Api; model: string; prompt: string; maxOutputTokens: number | null; temperature: number | null; hasStructuredOutput: boolean; toolCount: number; hasImageInput: boolean; inLoop: boolean };
}

const config = ConfigSchema.parse({});

/**
 * Accuracy floor on the hand-labelled set. The set is deliberately not easy (hidden prompts, routine words inside
 * frontier tasks and the reverse). 0.85 is the bar: below it, roughly one call in seven would get misleading advice,
 * and the portfolio scenario would be dominated by misclassified calls. Frontier calls wrongly called routine are
 * worse (they get cheaper-model advice), so they have their own, tighter bound.
 */
const ACCURACY_FLOOR = 0.85;
const FRONTIER_AS_ROUTINE_MAX = 0.1;

describe('classifyCall', () => {
  it('meets the accuracy floor on the labelled set (120+ items)', () => {
    const data = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/classification/labelled.json'), 'utf8')) as { items: Item[] };
    assert.ok(data.items.length >= 120, `only ${data.items.length} items`);
    const wrong: string[] = [];
    let frontierAsRoutine = 0;
    for (const item of data.items) {
      const c = item.call;
      const call = callSite({
        api: c.api,
        model: c.model,
        prompt: { staticText: c.prompt, hasDynamicParts: true, messageCount: 2 },
        maxOutputTokens: c.maxOutputTokens,
        temperature: c.temperature,
        hasStructuredOutput: c.hasStructuredOutput,
        hasTools: c.toolCount > 0,
        toolCount: c.toolCount,
        hasImageInput: c.hasImageInput,
        inLoop: c.inLoop,
      });
      // Model undefined: the set measures the call-shape signals; reasoning models are recognised by id.
      const got = classifyCall(call, undefined, config);
      if (got.class !== item.label) {
        wrong.push(`${item.id} (${item.label} → ${got.class}: ${got.reasons.join(', ')})`);
        if (item.label === 'frontier') frontierAsRoutine++;
      }
    }
    const accuracy = 1 - wrong.length / data.items.length;
    const frontierTotal = data.items.filter((i) => i.label === 'frontier').length;
    console.log(`      classification accuracy: ${(accuracy * 100).toFixed(1)}% (${data.items.length - wrong.length}/${data.items.length}); frontier called routine: ${frontierAsRoutine}/${frontierTotal}`);
    for (const w of wrong) console.log(`        miss: ${w}`);
    assert.ok(accuracy >= ACCURACY_FLOOR, `accuracy ${accuracy.toFixed(3)} below ${ACCURACY_FLOOR}`);
    assert.ok(frontierAsRoutine / frontierTotal <= FRONTIER_AS_ROUTINE_MAX, `${frontierAsRoutine} frontier calls classified routine`);
  });

  it('comment override wins over every signal', () => {
    const call = callSite({ api: 'embedding', classOverride: 'frontier' });
    assert.deepEqual(classifyCall(call, undefined, config), { class: 'frontier', confidence: 1, reasons: ['comment: modelwise: frontier'], overriddenBy: 'comment' });
  });

  it('config classify entries match by id, then file + function, then file (with * wildcards)', () => {
    const cfg = ConfigSchema.parse({
      classify: [
        { id: 'nightly-report', as: 'routine' },
        { file: 'src/agents/*.py', function: 'Planner.step', as: 'routine' },
        { file: 'src/agents/*.py', as: 'frontier' },
      ],
    });
    const summarize = { staticText: 'Summarize this.', hasDynamicParts: false, messageCount: 1 };
    assert.equal(classifyCall(callSite({ usageId: 'nightly-report', hasTools: true, toolCount: 9 }), undefined, cfg).overriddenBy, 'config');
    assert.equal(classifyCall(callSite({ usageId: 'nightly-report', hasTools: true, toolCount: 9 }), undefined, cfg).class, 'routine');
    assert.equal(classifyCall(callSite({ file: 'src/agents/plan.py', enclosingFunction: 'Planner.step', hasTools: true, toolCount: 9 }), undefined, cfg).class, 'routine');
    assert.equal(classifyCall(callSite({ file: 'src/agents/plan.py', enclosingFunction: 'other', prompt: summarize }), undefined, cfg).class, 'frontier');
    const free = classifyCall(callSite({ file: 'src/other.py', prompt: summarize }), undefined, cfg);
    assert.equal(free.overriddenBy, undefined);
    assert.equal(free.class, 'routine');
  });

  it('embeddings, moderation and rerank are always routine; embedding-kind models too', () => {
    for (const api of ['embedding', 'moderation', 'rerank'] as const) {
      const c = classifyCall(callSite({ api, hasImageInput: true }), undefined, config);
      assert.equal(c.class, 'routine', api);
      assert.equal(c.confidence, 0.99);
    }
    const emb = model({ id: 'nomic-embed-text', vendor: 'nomic', license: 'apache-2.0', kind: 'embedding' });
    assert.equal(classifyCall(callSite({ api: 'binding' }), emb, config).class, 'routine');
  });

  it('reasoning models: explicit ids weigh more than catalog-only (hybrid) reasoning kinds', () => {
    const hybrid = model({ id: 'acme-deep', vendor: 'acme', license: 'mit', kind: 'reasoning' });
    const h = classifyCall(callSite({ model: 'acme-deep' }), hybrid, config);
    assert.deepEqual([h.class, h.reasons], ['frontier', ['hybrid reasoning model']]);
    const o3 = classifyCall(callSite({ model: 'o3' }), undefined, config);
    assert.deepEqual([o3.class, o3.reasons], ['frontier', ['reasoning model']]);
    assert.ok(o3.confidence > h.confidence);
    for (const id of ['o1', 'o4-mini', 'deepseek-r1', 'deepseek-reasoner', 'claude-3-7-sonnet-thinking', 'qwq-32b']) {
      assert.deepEqual(classifyCall(callSite({ model: id }), undefined, config).reasons, ['reasoning model'], id);
    }
    for (const id of ['gpt-4o', 'llama-4-maverick', 'gpt-4.1-mini']) assert.notDeepEqual(classifyCall(callSite({ model: id }), undefined, config).reasons, ['reasoning model'], id);
  });

  it('reasons name each signal and confidence grows with agreement', () => {
    const weak = classifyCall(callSite({ prompt: { staticText: 'Summarize it.', hasDynamicParts: true, messageCount: 1 } }), undefined, config);
    const strong = classifyCall(
      callSite({ prompt: { staticText: 'Summarize it.', hasDynamicParts: true, messageCount: 1 }, hasStructuredOutput: true, maxOutputTokens: 50, temperature: 0 }),
      undefined,
      config,
    );
    assert.equal(weak.class, 'routine');
    assert.deepEqual(strong.reasons, ['prompt: summarize', 'short, specific prompt', 'structured output', 'small max output (50 tokens)', 'temperature 0']);
    assert.ok(strong.confidence > weak.confidence, `${strong.confidence} <= ${weak.confidence}`);
    const unknown = classifyCall(callSite(), undefined, config);
    assert.deepEqual([unknown.class, unknown.confidence], ['frontier', 0.5]);
  });
});

describe('classifyCall with catalog models', () => {
  it('a routine prompt on a reasoning-kind model (GPT-5) stays routine; no prompt stays frontier', () => {
    const gpt5 = model({ id: 'gpt-5', vendor: 'openai', license: 'openai-api-terms', kind: 'reasoning' });
    const summarize = { staticText: 'Summarize the release notes in five bullet points.', hasDynamicParts: true, messageCount: 2 };
    const routine = classifyCall(callSite({ model: 'gpt-5', prompt: summarize }), gpt5, config);
    assert.equal(routine.class, 'routine');
    assert.deepEqual(routine.reasons, ['hybrid reasoning model', 'prompt: summarize', 'short, specific prompt']);
    assert.equal(classifyCall(callSite({ model: 'gpt-5' }), gpt5, config).class, 'frontier');
  });
});
