import * as assert from 'node:assert/strict';
import { brief, calls, dedent, loc } from './scan-helpers';

const at = (src: string, needle: string, rest: string, nth = 1) => `${loc(src, needle, nth)} ${rest}`;

describe('scan: raw HTTP to provider endpoints', () => {
  it('Python: requests, httpx (module and client), payload dicts and URL constants', async () => {
    const src = dedent(`
      import os, requests, httpx
      API = "https://api.openai.com/v1"
      HEADERS = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}

      def chat(prompt):
          payload = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}], "max_tokens": 100}
          return requests.post(f"{API}/chat/completions", headers=HEADERS, json=payload).json()

      def claude(prompt):
          return httpx.post("https://api.anthropic.com/v1/messages", json={"model": "claude-3-haiku-20240307", "max_tokens": 50, "messages": []})

      async def gem(prompt):
          async with httpx.AsyncClient() as c:
              return await c.post("https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent", json={"contents": []})

      requests.post("https://hooks.slack.com/services/x", json={"model": "gpt-4o"})
      requests.get("https://api.openai.com/v1/models")
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'post(f"', 'openai/http/chat gpt-4o-mini(literal)'),
      at(src, 'post("https://api.anthropic', 'anthropic/http/chat claude-3-haiku-20240307(literal)'),
      at(src, 'post("https://generative', 'google/http/chat gemini-1.5-flash(literal)'),
    ]);
    assert.equal(found[0]!.maxOutputTokens, 100);
    assert.equal(found[1]!.maxOutputTokens, 50);
  });

  it('JS: fetch with JSON.stringify bodies and axios.post', async () => {
    const src = dedent(`
      import axios from "axios";
      export async function run(q: string) {
        const r = await fetch("https://api.groq.com/openai/v1/chat/completions", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ model: "llama-3.1-8b-instant", messages: [{ role: "user", content: q }] }),
        });
        const e = await axios.post("https://api.voyageai.com/v1/embeddings", { model: "voyage-3-lite", input: [q] });
        const page = await fetch("https://example.com/api/chat", { method: "POST", body: "{}" });
        return [r, e, page];
      }
    `);
    assert.deepEqual((await calls(src, 'typescript')).map(brief), [
      at(src, 'fetch("https://api.groq', 'groq/http/chat llama-3.1-8b-instant(literal)'),
      at(src, 'post(', 'voyage/http/embedding voyage-3-lite(literal)'),
    ]);
  });
});

describe('scan: things that are not calls', () => {
  it('mocks, fakes, SDK method definitions, type-level references and look-alike APIs', async () => {
    const py = dedent(`
      from unittest.mock import MagicMock, patch
      from twilio.rest import Client

      def test_summary(mocker):
          fake_client = MagicMock()
          fake_client.chat.completions.create.return_value = "x"
          fake_client.chat.completions.create(model="gpt-4o", messages=[])
          mock_openai = mocker.patch("app.client")
          mock_openai.chat.completions.create(model="gpt-4o", messages=[])

      class Completions:
          def create(self, *, model, messages):
              return self._post("/chat/completions", body={"model": model})

      tw = Client("sid", "token")
      tw.messages.create(body="hi", from_="+1", to="+2")
    `);
    assert.deepEqual(await calls(py), []);
    const ts = dedent(`
      import OpenAI from "openai";
      import type { ChatCompletion } from "openai/resources";
      type Create = typeof OpenAI.prototype.chat.completions.create;
      const client = { chat: { completions: { create: vi.fn() } } };
      let c: ChatCompletion | undefined;
      const MODELS = ["gpt-4o", "gpt-4o-mini"] as const;
      export function label(m: string) { return \`model: \${m}\`; }
      // await openai.chat.completions.create({ model: "gpt-4o" })
    `);
    assert.deepEqual(await calls(ts, 'typescript'), []);
  });

  it('ORM tables and LangChain prompt/message classes that share SDK names', async () => {
    const ts = dedent(`
      import { prisma } from "@/lib/db";
      import { ChatPromptTemplate } from "@langchain/core/prompts";
      import { FakeEmbeddings } from "langchain/embeddings/fake";
      export async function save(r: unknown) {
        await prisma.responses.create({ data: r });
        await prisma.batches.create({ data: r });
        await prisma.embeddings.create({ data: r });
        const p = new ChatPromptTemplate({ promptMessages: [], inputVariables: [] });
        return [p, new FakeEmbeddings()];
      }
    `);
    assert.deepEqual(await calls(ts, 'typescript'), []);
  });
});
