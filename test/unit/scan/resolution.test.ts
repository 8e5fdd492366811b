import * as assert from 'node:assert/strict';
import { calls, dedent, scan } from './scan-helpers';

const models = async (src: string, lang: 'python' | 'typescript' = 'python') => (await calls(src, lang)).map((c) => `${c.model}(${c.modelSource})`);

describe('scan: model id resolution', () => {
  it('Python: params dicts, kwargs spreads, f-strings, enums, settings classes and env defaults', async () => {
    const src = dedent(`
      import os
      from enum import Enum
      from openai import OpenAI
      from pydantic_settings import BaseSettings

      client = OpenAI()
      FAMILY = "gpt-4o"

      class Tier(str, Enum):
          FAST = "gpt-4o-mini"

      class Settings(BaseSettings):
          chat_model: str = "gpt-4.1-mini"

      settings = Settings()

      def a(q):
          params = {"model": "gpt-4.1-nano", "temperature": 0.3}
          return client.chat.completions.create(**params, messages=[])

      def b(q):
          return client.chat.completions.create(model=f"{FAMILY}-mini", messages=[])

      def c(q):
          return client.chat.completions.create(model=Tier.FAST.value, messages=[])

      def d(q):
          return client.chat.completions.create(model=settings.chat_model, messages=[])

      def e(q):
          model = os.environ.get("CHAT_MODEL") or "o3-mini"
          return client.chat.completions.create(model=model, messages=[])

      def f(q, user_model):
          return client.chat.completions.create(model=user_model, messages=[])

      def g(q):
          return client.chat.completions.create(model=f"gpt-{q}", messages=[])
    `);
    assert.deepEqual(await models(src), [
      'gpt-4.1-nano(literal)', 'gpt-4o-mini(constant)', 'gpt-4o-mini(constant)', 'gpt-4.1-mini(constant)', 'o3-mini(env-default)', 'null(unknown)', 'null(unknown)',
    ]);
    const [a] = await calls(src);
    assert.equal(a!.temperature, 0.3);
  });

  it('TypeScript: object spreads, as const maps, enums, templates, ?? and || env defaults', async () => {
    const src = dedent(`
      import OpenAI from "openai";
      const openai = new OpenAI();
      const MODELS = { fast: "gpt-4o-mini", smart: "gpt-4o" } as const;
      enum Tier { Best = "gpt-4.1" }
      const base = { model: "o4-mini", temperature: 1 };
      const ENV_MODEL = process.env.MODEL || "gpt-4o";
      export async function run(q: string, m: string) {
        await openai.chat.completions.create({ ...base, messages: [] });
        await openai.chat.completions.create({ model: MODELS.fast, messages: [] });
        await openai.chat.completions.create({ model: Tier.Best, messages: [] });
        await openai.chat.completions.create({ model: \`gpt-\${"4o"}\`, messages: [] });
        await openai.chat.completions.create({ model: ENV_MODEL, messages: [] });
        await openai.chat.completions.create({ model: m, messages: [] });
      }
    `);
    assert.deepEqual(await models(src, 'typescript'), [
      'o4-mini(literal)', 'gpt-4o-mini(constant)', 'gpt-4.1(constant)', 'gpt-4o(constant)', 'gpt-4o(env-default)', 'null(unknown)',
    ]);
  });

  it('dict(...) keyword params and an Azure deployment fixed on the client', async () => {
    const src = dedent(`
      import anthropic
      from openai import AzureOpenAI
      az = AzureOpenAI(azure_deployment="gpt-4o-prod", api_version="2024-06-01")
      az.chat.completions.create(messages=[{"role": "user", "content": "hi"}])
      params = dict(model="claude-3-5-haiku-latest", max_tokens=100)
      anthropic.Anthropic().messages.create(**params, messages=[])
    `);
    const found = await calls(src);
    assert.deepEqual(found.map((c) => `${c.provider} ${c.model}(${c.modelSource}) ${c.maxOutputTokens}`), [
      'azure-openai gpt-4o-prod(literal) null',
      'anthropic claude-3-5-haiku-latest(literal) 100',
    ]);
  });

  it('a name reassigned on a branch is not knowable; straight-line reassignment takes the last value', async () => {
    const src = dedent(`
      import os
      from openai import OpenAI
      client = OpenAI()
      MODEL = "gpt-4o"
      if os.getenv("FAST"):
          MODEL = "gpt-4o-mini"
      def a():
          return client.chat.completions.create(model=MODEL, messages=[])
      def b():
          m = "gpt-4.1"
          m = "gpt-4.1-mini"
          return client.chat.completions.create(model=m, messages=[])
      def c(fast):
          if fast:
              m = "o4-mini"
          else:
              m = "o3"
          return client.chat.completions.create(model=m, messages=[])
    `);
    assert.deepEqual(await models(src), ['null(unknown)', 'gpt-4.1-mini(constant)', 'null(unknown)']);
  });

  it('a messages list grown after it is written has dynamic parts', async () => {
    const src = dedent(`
      from openai import OpenAI
      client = OpenAI()
      def chat(q):
          messages = [{"role": "system", "content": "Be brief."}]
          messages.append({"role": "user", "content": q})
          return client.chat.completions.create(model="gpt-4o", messages=messages)
      def fixed():
          messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
          return client.chat.completions.create(model="gpt-4o", messages=messages)
    `);
    const found = await calls(src);
    assert.deepEqual(found.map((c) => [c.prompt.messageCount, c.prompt.hasDynamicParts, c.prompt.staticText]), [
      [1, true, 'Be brief.'],
      [2, false, 'Be brief.\nHi'],
    ]);
  });

  it('`x or DEFAULT` uses the default when x is a parameter defaulting to None, not when x is required', async () => {
    const src = dedent(`
      from openai import OpenAI
      DEFAULT_MODEL = "gpt-4o-mini"
      class Bot:
          def __init__(self, model=None, client=None):
              self.model = model or DEFAULT_MODEL
              self.client = client or OpenAI(base_url="https://api.groq.com/openai/v1")
          def ask(self, q):
              return self.client.chat.completions.create(model=self.model, messages=[])
      def required(q, model):
          return OpenAI().chat.completions.create(model=model or "gpt-4.1", messages=[])
    `);
    assert.deepEqual((await calls(src)).map((c) => `${c.provider} ${c.model}(${c.modelSource})`), ['groq gpt-4o-mini(default)', 'openai null(unknown)']);
  });

  it('exports module-level string constants for cross-file resolution', async () => {
    const r = await scan(dedent(`
      import os
      CHAT = "gpt-4o"
      EMB = os.getenv("EMB", "text-embedding-3-small")
      N = 3
    `));
    assert.deepEqual(r.exports, { CHAT: 'gpt-4o', EMB: 'text-embedding-3-small' });
  });

  it('a loop over a model list leaves the model unknown, and the call is in a loop', async () => {
    const found = await calls(dedent(`
      import anthropic
      client = anthropic.Anthropic()
      for m in ["claude-3-5-haiku-latest", "claude-3-7-sonnet-latest"]:
          client.messages.create(model=m, max_tokens=10, messages=[])
    `));
    assert.deepEqual(found.map((c) => [c.model, c.modelSource, c.inLoop]), [[null, 'unknown', true]]);
  });
});
