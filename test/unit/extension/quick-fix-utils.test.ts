import * as assert from 'node:assert/strict';
import { hostModelId, planSwitch, replaceLiteral } from '../../../src/extension/quick-fix-utils';

const usd = (micro: number) => `$${Math.round(micro / 1_000_000)}`;
const gemma = {
  id: 'gemma-4-26b-a4b',
  offers: [
    { host: 'together', hostModelId: 'google/gemma-4-26b-a4b-it' },
    { host: 'openrouter', hostModelId: 'google/gemma-4-26b-a4b' },
  ],
} as never;
const alt = (host: string) => ({ modelId: 'gemma-4-26b-a4b', name: 'Gemma 4 26B', host, licenseLabel: 'Apache-2.0', savingMonthlyMicroUsd: 401_000_000, savingFraction: 0.98 });

describe('quick fix planning', () => {
  it('uses the host-specific model id when the offer names one', () => {
    assert.equal(hostModelId(gemma, 'x', 'together'), 'google/gemma-4-26b-a4b-it');
    assert.equal(hostModelId(gemma, 'x', 'fireworks'), 'gemma-4-26b-a4b');
    assert.equal(hostModelId(undefined, 'fallback', 'together'), 'fallback');
  });

  it('same host: a plain string edit with the saving in the title', () => {
    const plan = planSwitch({ provider: 'openrouter', via: 'sdk', baseUrl: null, cost: { host: 'openrouter' } }, alt('openrouter'), gemma, usd);
    assert.equal(plan.hostChanges, false);
    assert.equal(plan.newModelId, 'google/gemma-4-26b-a4b');
    assert.deepEqual(plan.steps, []);
    assert.equal(plan.title, 'Switch to Gemma 4 26B (Apache-2.0) — saves ~$401/mo (98%)');
  });

  it('OpenAI → Together: says the client and base URL must change instead of only editing', () => {
    const plan = planSwitch({ provider: 'openai', via: 'sdk', baseUrl: null, cost: { host: 'openai' } }, alt('together'), gemma, usd);
    assert.equal(plan.hostChanges, true);
    assert.match(plan.title, /on together — also change the client\/base URL/);
    assert.ok(plan.steps.some((s) => s.includes('https://api.together.xyz/v1')));
    assert.ok(plan.steps.some((s) => s.includes('TOGETHER_API_KEY')));
  });

  it('LiteLLM: the host goes into the model prefix, so the edit is enough', () => {
    const plan = planSwitch({ provider: 'openai', via: 'litellm', baseUrl: null, cost: { host: 'openai' } }, alt('together'), gemma, usd);
    assert.equal(plan.hostChanges, false);
    assert.equal(plan.newModelId, 'together_ai/google/gemma-4-26b-a4b-it');
  });

  it('the title uses the short model name and the short license label, not the full catalog name', () => {
    const maverick = { modelId: 'llama-4-maverick', name: 'Llama 4 Maverick (17B active, 128 experts)', host: 'together', licenseLabel: 'Llama 4 license', savingMonthlyMicroUsd: 50_000_000, savingFraction: 0.5 };
    const plan = planSwitch({ provider: 'together', via: 'sdk', baseUrl: null, cost: { host: 'together' } }, maverick, undefined, usd);
    assert.equal(plan.title, 'Switch to Llama 4 Maverick (Llama 4 license) — saves ~$50/mo (50%)');
    const bare = planSwitch({ provider: 'together', via: 'sdk', baseUrl: null, cost: { host: 'together' } }, { ...maverick, name: '(unnamed)' }, undefined, usd);
    assert.match(bare.title, /^Switch to llama-4-maverick \(Llama 4 license\)/, 'falls back to the id when nothing is left of the name');
  });

  it('rewrites a literal keeping its quotes and prefix', () => {
    assert.equal(replaceLiteral('"gpt-4o"', 'gpt-4o-mini'), '"gpt-4o-mini"');
    assert.equal(replaceLiteral("'gpt-4o'", 'gpt-4o-mini'), "'gpt-4o-mini'");
    assert.equal(replaceLiteral('`gpt-4o`', 'a`b'), '`a\\`b`');
    assert.equal(replaceLiteral('r"gpt-4o"', 'x'), 'r"x"');
    assert.equal(replaceLiteral('gpt-4o', 'x'), 'x');
  });
});
