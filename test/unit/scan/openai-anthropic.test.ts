import * as assert from 'node:assert/strict';
import { brief, calls, dedent } from './scan-helpers';

describe('scan: OpenAI and Anthropic SDKs', () => {
  it('finds an aliased OpenAI client, env defaults, class constants and self.client', async () => {
    const src = dedent(`
      import os
      from openai import OpenAI as O, AsyncOpenAI
      import anthropic

      MODEL = os.getenv("MODEL", "gpt-4o-mini")
      client = O()

      class Bot:
          DEFAULT = "claude-3-5-sonnet-20241022"
          def __init__(self):
              self.client = anthropic.Anthropic()
              self.aclient = AsyncOpenAI()

          def ask(self, q):
              # modelwise: id=bot-ask
              return self.client.messages.create(
                  model=self.DEFAULT,
                  max_tokens=1024,
                  system="You are terse.",
                  messages=[{"role": "user", "content": f"Answer: {q}"}],
              )

          async def many(self, qs, model="gpt-4o"):
              return [await self.aclient.chat.completions.create(model=model, messages=[{"role": "user", "content": q}]) for q in qs]

      def summarize(text):
          return client.chat.completions.create(model=MODEL, messages=[{"role": "system", "content": "Summarize."}], temperature=0, stream=True)
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      '16:37 anthropic/sdk/chat claude-3-5-sonnet-20241022(constant)',
      '24:53 openai/sdk/chat gpt-4o(default)',
      '27:36 openai/sdk/chat gpt-4o-mini(env-default)',
    ]);
    const [ask, many, summarize] = found;
    assert.equal(ask!.usageId, 'bot-ask');
    assert.equal(ask!.maxOutputTokens, 1024);
    assert.equal(ask!.enclosingFunction, 'Bot.ask');
    assert.equal(ask!.prompt.staticText, 'You are terse.\nAnswer: ');
    assert.equal(ask!.prompt.hasDynamicParts, true);
    assert.equal(ask!.prompt.messageCount, 1);
    assert.equal(ask!.inLoop, false);
    assert.equal(many!.inLoop, true);
    assert.equal(summarize!.temperature, 0);
    assert.equal(summarize!.isStreaming, true);
    assert.equal(summarize!.prompt.hasDynamicParts, false);
  });

  it('finds a JS/TS client with a literal model and keeps the literal offsets', async () => {
    const src = dedent(`
      import OpenAI from "openai";
      import Anthropic from "@anthropic-ai/sdk";
      const openai = new OpenAI();
      const anthropic = new Anthropic();
      export async function run(q: string) {
        const r = await openai.chat.completions.create({
          model: "gpt-4o",
          messages: [{ role: "user", content: q }],
          max_tokens: 200,
        });
        const m = await anthropic.messages.create({ model: "claude-3-haiku-20240307", max_tokens: 64, messages: [] });
        return [r, m];
      }
    `);
    const found = await calls(src, 'typescript');
    assert.deepEqual(found.map(brief), ['6:43 openai/sdk/chat gpt-4o(literal)', '11:38 anthropic/sdk/chat claude-3-haiku-20240307(literal)']);
    assert.equal(src.slice(found[0]!.modelLiteral!.startOffset, found[0]!.modelLiteral!.endOffset), '"gpt-4o"');
    assert.equal(found[0]!.maxOutputTokens, 200);
    assert.equal(found[0]!.enclosingFunction, 'run');
  });

  it('reads Deno npm: and esm.sh specifiers as the package', async () => {
    const src = dedent(`
      import OpenAI from "npm:openai@4.52.0";
      import Anthropic from "https://esm.sh/@anthropic-ai/sdk@0.24.0";
      const client = new OpenAI();
      const a = new Anthropic();
      await client.chat.completions.create({ model: "gpt-4o", messages: [] });
      await a.messages.create({ model: "claude-3-opus-20240229", max_tokens: 10, messages: [] });
    `);
    assert.deepEqual((await calls(src, 'typescript')).map(brief), ['5:31 openai/sdk/chat gpt-4o(literal)', '6:18 anthropic/sdk/chat claude-3-opus-20240229(literal)']);
  });

  it('ignores strings, comments and model lists', async () => {
    const src = dedent(`
      from openai import OpenAI
      client = OpenAI()
      # client.chat.completions.create(model="gpt-4o")
      s = "client.chat.completions.create(model='gpt-4o')"
      MODELS = ["gpt-4o", "gpt-4o-mini"]
    `);
    assert.deepEqual(await calls(src), []);
  });
});
