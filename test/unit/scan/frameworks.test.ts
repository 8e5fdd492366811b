import * as assert from 'node:assert/strict';
import { brief, calls, dedent, loc } from './scan-helpers';

const at = (src: string, needle: string, rest: string, nth = 1) => `${loc(src, needle, nth)} ${rest}`;

describe('scan: frameworks (LangChain, LlamaIndex, Vercel AI SDK, LiteLLM)', () => {
  it('LangChain (Python): constructors are bindings, invocations on a visible binding are calls', async () => {
    const src = dedent(`
      from langchain_openai import ChatOpenAI, OpenAIEmbeddings
      from langchain_anthropic import ChatAnthropic
      from langchain.chat_models import init_chat_model
      from pydantic import BaseModel

      class Answer(BaseModel):
          text: str

      llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, max_tokens=256)
      claude = ChatAnthropic(model_name="claude-3-5-sonnet-latest")
      emb = OpenAIEmbeddings(model="text-embedding-3-small")
      groq_llm = ChatOpenAI(model="llama-3.3-70b-versatile", base_url="https://api.groq.com/openai/v1")

      def ask(q):
          return llm.invoke([("system", "Answer briefly."), ("human", q)])

      def structured(q):
          s = claude.with_structured_output(Answer)
          return s.invoke(q)

      def vectors(docs):
          return emb.embed_documents(docs)

      def anyp(q):
          m = init_chat_model("openai:gpt-4.1", temperature=0)
          for chunk in m.stream(q):
              print(chunk)

      chain = prompt | llm
      chain.invoke({"q": "x"})
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'ChatOpenAI(model="gpt', 'openai/langchain/binding gpt-4o-mini(literal)'),
      at(src, 'ChatAnthropic(model_name', 'anthropic/langchain/binding claude-3-5-sonnet-latest(literal)'),
      at(src, 'OpenAIEmbeddings(model', 'openai/langchain/binding text-embedding-3-small(literal)'),
      at(src, 'ChatOpenAI(model="llama', 'groq/langchain/binding llama-3.3-70b-versatile(literal)'),
      at(src, 'invoke([', 'openai/langchain/chat gpt-4o-mini(literal)'),
      at(src, 'invoke(q)', 'anthropic/langchain/chat claude-3-5-sonnet-latest(literal)'),
      at(src, 'embed_documents(', 'openai/langchain/embedding text-embedding-3-small(literal)'),
      at(src, 'init_chat_model("openai', 'openai/langchain/binding gpt-4.1(literal)'),
      at(src, 'stream(q)', 'openai/langchain/chat gpt-4.1(literal)'),
    ]);
    const invoke = found[4]!;
    assert.equal(invoke.maxOutputTokens, 256);
    assert.equal(invoke.temperature, 0);
    assert.equal(invoke.prompt.staticText, 'Answer briefly.');
    assert.equal(invoke.prompt.hasDynamicParts, true);
    assert.equal(found[5]!.hasStructuredOutput, true);
    assert.equal(found[8]!.isStreaming, true);
    assert.equal(found[8]!.inLoop, false);
  });

  it('LangChain bind_tools counts the bound tools on the invocation', async () => {
    const src = dedent(`
      from langchain_openai import ChatOpenAI
      llm = ChatOpenAI(model="gpt-4o-mini")
      with_tools = llm.bind_tools([add, multiply, search])
      with_tools.invoke("What is 3 * 12?")
    `);
    const found = await calls(src);
    assert.deepEqual(found.map((c) => `${c.api} ${c.model} ${c.hasTools}/${c.toolCount}`), ['binding gpt-4o-mini false/0', 'chat gpt-4o-mini true/3']);
  });

  it('LangChain.js: new ChatX({...}) bindings, initChatModel and invoke', async () => {
    const src = dedent(`
      import { ChatOpenAI } from "@langchain/openai";
      import { ChatAnthropic } from "@langchain/anthropic";
      import { initChatModel } from "langchain/chat_models/universal";

      const model = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 });
      const legacy = new ChatOpenAI({ modelName: "gpt-3.5-turbo", maxTokens: 100 });
      export async function run(q: string) {
        const a = await model.invoke(q);
        const m = await initChatModel("claude-3-5-haiku-latest", { modelProvider: "anthropic" });
        const b = await m.invoke([{ role: "user", content: "Hello" }]);
        const c = new ChatAnthropic({ model: "claude-3-7-sonnet-latest" }).bindTools([]);
        return [a, b, c, legacy];
      }
    `);
    assert.deepEqual((await calls(src, 'typescript')).map(brief), [
      at(src, 'ChatOpenAI({ model:', 'openai/langchain/binding gpt-4o-mini(literal)'),
      at(src, 'ChatOpenAI({ modelName', 'openai/langchain/binding gpt-3.5-turbo(literal)'),
      at(src, 'invoke(q)', 'openai/langchain/chat gpt-4o-mini(literal)'),
      at(src, 'initChatModel("claude', 'anthropic/langchain/binding claude-3-5-haiku-latest(literal)'),
      at(src, 'invoke([', 'anthropic/langchain/chat claude-3-5-haiku-latest(literal)'),
      at(src, 'ChatAnthropic({', 'anthropic/langchain/binding claude-3-7-sonnet-latest(literal)'),
    ]);
  });

  it('LlamaIndex: LLM constructors and complete/chat on them', async () => {
    const src = dedent(`
      from llama_index.llms.openai import OpenAI
      from llama_index.llms.anthropic import Anthropic
      from llama_index.core.llms import ChatMessage
      from llama_index.core import Settings

      Settings.llm = OpenAI(model="gpt-4o", temperature=0.1)
      llm = Anthropic(model="claude-3-haiku-20240307", max_tokens=300)
      resp = llm.complete("Paul Graham is ")
      msgs = [ChatMessage(role="system", content="You are a pirate."), ChatMessage(role="user", content="Hi")]
      out = llm.chat(msgs)
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'OpenAI(model', 'openai/llamaindex/binding gpt-4o(literal)'),
      at(src, 'Anthropic(model', 'anthropic/llamaindex/binding claude-3-haiku-20240307(literal)'),
      at(src, 'complete(', 'anthropic/llamaindex/completion claude-3-haiku-20240307(literal)'),
      at(src, 'chat(msgs)', 'anthropic/llamaindex/chat claude-3-haiku-20240307(literal)'),
    ]);
    assert.equal(found[2]!.maxOutputTokens, 300);
    assert.equal(found[3]!.prompt.staticText, 'You are a pirate.\nHi');
  });

  it('Vercel AI SDK: provider factories, createOpenAI, embeddings, objects, streams and string ids', async () => {
    const src = dedent(`
      import { generateText, streamText, generateObject, embed } from "ai";
      import * as ai from "ai";
      import { openai, createOpenAI } from "@ai-sdk/openai";
      import { anthropic } from "@ai-sdk/anthropic";
      import { z } from "zod";

      const groq = createOpenAI({ baseURL: "https://api.groq.com/openai/v1", apiKey: process.env.GROQ_API_KEY });
      const MODEL = process.env.CHAT_MODEL ?? "gpt-4o-mini";

      export async function POST(req: Request) {
        const { messages } = await req.json();
        const result = streamText({ model: openai(MODEL), system: "You are helpful.", messages, maxOutputTokens: 500 });
        const { object } = await generateObject({ model: anthropic("claude-3-5-sonnet-latest"), schema: z.object({}), prompt: "Make a recipe" });
        const { embedding } = await embed({ model: openai.embedding("text-embedding-3-small"), value: "sunny day" });
        const fast = await ai.generateText({ model: groq("llama-3.1-8b-instant"), prompt: "hi" });
        const gw = await generateText({ model: "xai/grok-3", prompt: "hello" });
        return [result, object, embedding, fast, gw];
      }
    `);
    const found = await calls(src, 'typescript');
    assert.deepEqual(found.map(brief), [
      at(src, 'streamText({', 'openai/vercel-ai/chat gpt-4o-mini(env-default)'),
      at(src, 'generateObject({', 'anthropic/vercel-ai/chat claude-3-5-sonnet-latest(literal)'),
      at(src, 'embed({', 'openai/vercel-ai/embedding text-embedding-3-small(literal)'),
      at(src, 'generateText({ model: groq', 'groq/vercel-ai/chat llama-3.1-8b-instant(literal)'),
      at(src, 'generateText({ model: "xai', 'xai/vercel-ai/chat xai/grok-3(literal)'),
    ]);
    assert.equal(found[0]!.isStreaming, true);
    assert.equal(found[0]!.maxOutputTokens, 500);
    assert.equal(found[0]!.prompt.staticText, 'You are helpful.');
    assert.equal(found[0]!.prompt.hasDynamicParts, true);
    assert.equal(found[1]!.hasStructuredOutput, true);
    assert.equal(found[0]!.enclosingFunction, 'POST');
  });

  it('LiteLLM over a literal model list: model unknown, provider known only when every id agrees', async () => {
    const src = dedent(`
      from litellm import completion
      for m in ["groq/llama-3.1-8b-instant", "groq/gemma2-9b-it"]:
          completion(model=m, messages=[])
      for m in ["groq/llama-3.1-8b-instant", "gpt-4o-mini"]:
          completion(model=m, messages=[])
    `);
    assert.deepEqual((await calls(src)).map((c) => `${c.provider} ${c.model} ${c.inLoop}`), ['groq null true', 'unknown null true']);
  });

  it('LiteLLM: provider from the model prefix, positional models, async and batch loops', async () => {
    const src = dedent(`
      import asyncio
      import litellm
      from litellm import completion, acompletion, embedding

      r1 = completion(model="anthropic/claude-3-5-haiku-20241022", messages=[{"role": "user", "content": "hi"}], max_tokens=64)
      r2 = litellm.completion("gpt-4o-mini", [{"role": "user", "content": "hey"}])
      e = embedding(model="cohere/embed-english-v3.0", input=["a"])

      async def many(prompts):
          return await asyncio.gather(*[acompletion(model="groq/llama3-8b-8192", messages=[{"role": "user", "content": p}]) for p in prompts])
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'completion(model="anthropic', 'anthropic/litellm/chat anthropic/claude-3-5-haiku-20241022(literal)'),
      at(src, 'completion("gpt', 'openai/litellm/chat gpt-4o-mini(literal)'),
      at(src, 'embedding(model', 'cohere/litellm/embedding cohere/embed-english-v3.0(literal)'),
      at(src, 'acompletion(model', 'groq/litellm/chat groq/llama3-8b-8192(literal)'),
    ]);
    assert.equal(found[0]!.maxOutputTokens, 64);
    assert.equal(found[1]!.prompt.staticText, 'hey');
    assert.equal(found[1]!.prompt.messageCount, 1);
    assert.equal(found[3]!.inLoop, true);
  });
});
