import * as assert from 'node:assert/strict';
import { brief, calls, dedent, loc } from './scan-helpers';

const at = (src: string, needle: string, rest: string, nth = 1) => `${loc(src, needle, nth)} ${rest}`;

describe('scan: OpenAI API surface', () => {
  it('v1 Python: responses, embeddings, images, audio, moderation, realtime, batches, parse and stream', async () => {
    const src = dedent(`
      from openai import OpenAI
      from pydantic import BaseModel

      class Out(BaseModel):
          x: int

      client = OpenAI()
      client.responses.create(model="gpt-4.1", instructions="Be terse.", input="Hi", max_output_tokens=200)
      client.embeddings.create(model="text-embedding-3-small", input=["a", "b"])
      client.images.generate(model="gpt-image-1", prompt="a red fox")
      client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input="Hello")
      client.audio.transcriptions.create(model="whisper-1", file=open("a.mp3", "rb"))
      client.moderations.create(model="omni-moderation-latest", input="text")
      client.beta.chat.completions.parse(model="gpt-4o-2024-08-06", messages=[], response_format=Out)
      with client.chat.completions.stream(model="gpt-4o", messages=[]) as s:
          pass
      client.batches.create(input_file_id="file-1", endpoint="/v1/chat/completions", completion_window="24h")
      client.with_options(timeout=5).chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=[])
      client.models.list()
      client.files.create(file=open("x.jsonl", "rb"), purpose="batch")
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'create(model="gpt-4.1"', 'openai/sdk/responses gpt-4.1(literal)'),
      at(src, 'create(model="text-embedding', 'openai/sdk/embedding text-embedding-3-small(literal)'),
      at(src, 'generate(', 'openai/sdk/image gpt-image-1(literal)'),
      at(src, 'create(model="gpt-4o-mini-tts"', 'openai/sdk/audio gpt-4o-mini-tts(literal)'),
      at(src, 'create(model="whisper', 'openai/sdk/audio whisper-1(literal)'),
      at(src, 'create(model="omni', 'openai/sdk/moderation omni-moderation-latest(literal)'),
      at(src, 'parse(', 'openai/sdk/chat gpt-4o-2024-08-06(literal)'),
      at(src, 'stream(', 'openai/sdk/chat gpt-4o(literal)'),
      at(src, 'create(input_file_id', 'openai/sdk/batch null(unknown)'),
      at(src, 'create(model="gpt-4o-mini"', 'openai/sdk/chat gpt-4o-mini(literal)'),
    ]);
    assert.equal(found[0]!.prompt.staticText, 'Be terse.\nHi');
    assert.equal(found[0]!.maxOutputTokens, 200);
    assert.equal(found[6]!.hasStructuredOutput, true);
    assert.equal(found[7]!.isStreaming, true);
  });

  it('legacy v0 module calls, the v1 module client, and aliases of the module', async () => {
    const src = dedent(`
      import openai
      import openai as oa

      openai.api_key = "sk"
      a = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": "Hi"}])
      b = oa.Completion.create(engine="text-davinci-003", prompt="Say this", max_tokens=7)
      c = openai.Embedding.create(input=["x"], model="text-embedding-ada-002")
      d = openai.chat.completions.create(model="gpt-4o-mini", messages=[])
    `);
    assert.deepEqual((await calls(src)).map(brief), [
      at(src, 'create(model="gpt-3.5', 'openai/sdk/chat gpt-3.5-turbo(literal)'),
      at(src, 'create(engine', 'openai/sdk/completion text-davinci-003(literal)'),
      at(src, 'create(input', 'openai/sdk/embedding text-embedding-ada-002(literal)'),
      at(src, 'create(model="gpt-4o-mini"', 'openai/sdk/chat gpt-4o-mini(literal)'),
    ]);
  });

  it('TypeScript: class fields, constructor parameter properties, realtime and tools', async () => {
    const src = dedent(`
      import OpenAI from "openai";
      import { OpenAIRealtimeWS } from "openai/beta/realtime/ws";

      export class Assistant {
        private readonly client = new OpenAI({ baseURL: "https://api.together.xyz/v1" });
        constructor(private readonly oai: OpenAI, private model = "gpt-4o-mini") {}

        async ask(q: string) {
          return this.client.chat.completions.create({ model: "meta-llama/Llama-3-8b-chat-hf", messages: [{ role: "user", content: q }] });
        }

        async tools(q: string) {
          return this.oai.chat.completions.create({
            model: this.model,
            messages: [{ role: "system", content: "Use tools." }, { role: "user", content: q }],
            tools: [{ type: "function", function: { name: "a" } }, { type: "function", function: { name: "b" } }],
            tool_choice: "auto",
          });
        }
      }
      const rt = new OpenAIRealtimeWS({ model: "gpt-4o-realtime-preview" });
    `);
    const found = await calls(src, 'typescript');
    assert.deepEqual(found.map(brief), [
      at(src, 'create({ model: "meta', 'together/sdk/chat meta-llama/Llama-3-8b-chat-hf(literal)'),
      at(src, 'create({\n', 'openai/sdk/chat gpt-4o-mini(default)'),
      at(src, 'OpenAIRealtimeWS({', 'openai/sdk/realtime gpt-4o-realtime-preview(literal)'),
    ]);
    assert.equal(found[0]!.enclosingFunction, 'Assistant.ask');
    assert.equal(found[1]!.hasTools, true);
    assert.equal(found[1]!.toolCount, 2);
    assert.equal(found[1]!.prompt.messageCount, 2);
  });
});
