import * as assert from 'node:assert/strict';
import { brief, calls, dedent, loc } from './scan-helpers';

const at = (src: string, needle: string, rest: string, nth = 1) => `${loc(src, needle, nth)} ${rest}`;

describe('scan: long-tail shapes', () => {
  it('SDK methods handed to threads, executors and retry helpers are calls at the method name', async () => {
    const src = dedent(`
      import asyncio
      from concurrent.futures import ThreadPoolExecutor
      from openai import OpenAI

      client = OpenAI()

      async def a(q):
          return await asyncio.to_thread(client.chat.completions.create, model="gpt-4o-mini", messages=[])

      def b(texts):
          with ThreadPoolExecutor() as pool:
              return pool.submit(client.embeddings.create, model="text-embedding-3-small", input=texts)

      def c(q):
          return call_with_retry(client.responses.create, model="gpt-4.1", input=q)
    `);
    assert.deepEqual((await calls(src)).map(brief), [
      at(src, 'create, model="gpt-4o-mini"', 'openai/sdk/chat gpt-4o-mini(literal)'),
      at(src, 'create, model="text-embedding', 'openai/sdk/embedding text-embedding-3-small(literal)'),
      at(src, 'create, model="gpt-4.1"', 'openai/sdk/responses gpt-4.1(literal)'),
    ]);
  });

  it('clients behind @cached_property, factory functions and values of unknown origin', async () => {
    const src = dedent(`
      from functools import cached_property
      from openai import OpenAI

      def get_client():
          return make_it()

      class Service:
          @cached_property
          def client(self):
              return OpenAI(base_url="https://api.groq.com/openai/v1")

          def go(self):
              return self.client.chat.completions.create(model="llama3-8b-8192", messages=[])

      get_client().chat.completions.create(model="gpt-4o", messages=[])
    `);
    assert.deepEqual((await calls(src)).map(brief), [
      at(src, 'create(model="llama3', 'groq/sdk/chat llama3-8b-8192(literal)'),
      at(src, 'create(model="gpt-4o"', 'openai/sdk/chat gpt-4o(literal)'),
    ]);
  });

  it('clients imported from another module: distinctive chains count, vendor-named receivers count, Django look-alikes do not', async () => {
    const src = dedent(`
      from .clients import openai_client, claude, co, bedrock, groq_client

      def run(conversation, q):
          openai_client.chat.completions.create(model="gpt-4o", messages=[])
          claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=50, messages=[{"role": "user", "content": q}])
          co.chat(model="command-r-plus", messages=[])
          bedrock.converse(modelId="amazon.nova-pro-v1:0", messages=[])
          groq_client.chat.completions.create(model="llama-3.1-8b-instant", messages=[])
          conversation.messages.create(role="assistant", content=q, model="gpt-4o")
    `);
    assert.deepEqual((await calls(src)).map(brief), [
      at(src, 'create(model="gpt-4o"', 'openai/sdk/chat gpt-4o(literal)'),
      at(src, 'create(model="claude', 'anthropic/sdk/chat claude-3-5-haiku-latest(literal)'),
      at(src, 'chat(model="command', 'cohere/sdk/chat command-r-plus(literal)'),
      at(src, 'converse(', 'bedrock/sdk/chat amazon.nova-pro-v1:0(literal)'),
      at(src, 'create(model="llama', 'groq/sdk/chat llama-3.1-8b-instant(literal)'),
    ]);
  });

  it('Vercel AI: customProvider aliases, wrapLanguageModel, Agents and test mocks', async () => {
    const src = dedent(`
      import { customProvider, generateText, wrapLanguageModel, Experimental_Agent as Agent } from "ai";
      import { MockLanguageModelV2 } from "ai/test";
      import { openai } from "@ai-sdk/openai";
      import { groq } from "@ai-sdk/groq";

      const myProvider = customProvider({ languageModels: { "title-model": openai("gpt-4o-mini") } });
      const reasoning = wrapLanguageModel({ model: groq("deepseek-r1-distill-llama-70b"), middleware: [] });
      const researcher = new Agent({ model: openai("gpt-4.1"), tools: {} });

      export async function run(prompt: string) {
        await generateText({ model: myProvider.languageModel("title-model"), prompt });
        await generateText({ model: reasoning, prompt });
        await researcher.generate({ prompt });
        await generateText({ model: new MockLanguageModelV2({}), prompt: "test" });
      }
    `);
    assert.deepEqual((await calls(src, 'typescript')).map(brief), [
      at(src, 'generateText({ model: myProvider', 'openai/vercel-ai/chat gpt-4o-mini(literal)'),
      at(src, 'generateText({ model: reasoning', 'groq/vercel-ai/chat deepseek-r1-distill-llama-70b(literal)'),
      at(src, 'generate({', 'openai/vercel-ai/chat gpt-4.1(literal)'),
    ]);
  });

  it('a provider switch returns no single model, and a ternary of two providers is unknown', async () => {
    const src = dedent(`
      import { openai } from "@ai-sdk/openai";
      import { anthropic } from "@ai-sdk/anthropic";
      import { generateText } from "ai";
      function pick(p: string) {
        if (p === "a") return anthropic("claude-3-5-sonnet-latest");
        return openai("gpt-4o");
      }
      export async function run(p: string, prompt: string) {
        await generateText({ model: pick(p), prompt });
        await generateText({ model: p === "a" ? anthropic("claude-3-5-haiku-latest") : openai("gpt-4o-mini"), prompt });
      }
    `);
    assert.deepEqual((await calls(src, 'typescript')).map((c) => `${c.model}(${c.modelSource}) ${c.provider}`), ['null(unknown) unknown', 'null(unknown) unknown']);
  });

  it('HTTP mock handlers are not calls; a relative path on a base_url client is', async () => {
    const src = dedent(`
      import httpx, respx

      @respx.mock
      def test_it():
          respx.post("https://api.openai.com/v1/chat/completions").mock(return_value=httpx.Response(200, json={}))

      def real(q):
          with httpx.Client(base_url="https://api.mistral.ai/v1") as http:
              return http.post("/chat/completions", json={"model": "mistral-small-latest", "messages": []})
    `);
    assert.deepEqual((await calls(src)).map(brief), [at(src, 'post("/chat', 'mistral/http/chat mistral-small-latest(literal)')]);
  });
});
