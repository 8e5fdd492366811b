import * as assert from 'node:assert/strict';
import { brief, calls, dedent } from './scan-helpers';

describe('scan: Google (google.genai, google.generativeai, Vertex, JS SDKs)', () => {
  it('google.genai client: generate_content, stream, embed, images, count, aio, chats and live', async () => {
    const src = dedent(`
      from google import genai
      from google.genai import types

      client = genai.Client()
      FLASH = "gemini-2.0-flash"

      r = client.models.generate_content(model=FLASH, contents="Why is the sky blue?",
          config=types.GenerateContentConfig(max_output_tokens=300, temperature=0.1, response_mime_type="application/json"))
      for chunk in client.models.generate_content_stream(model="gemini-2.5-pro", contents=["a", "b"]):
          pass
      e = client.models.embed_content(model="text-embedding-004", contents="hello")
      img = client.models.generate_images(model="imagen-3.0-generate-002", prompt="a cat")
      n = client.models.count_tokens(model=FLASH, contents="x")

      async def go(q):
          return await client.aio.models.generate_content(model=FLASH, contents=q)

      chat = client.chats.create(model="gemini-2.0-flash-lite")
      reply = chat.send_message("hi")

      async def live():
          async with client.aio.live.connect(model="gemini-2.0-flash-live-001", config={}) as session:
              pass
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      '7:19 google/sdk/chat gemini-2.0-flash(constant)',
      '9:28 google/sdk/chat gemini-2.5-pro(literal)',
      '11:19 google/sdk/embedding text-embedding-004(literal)',
      '12:21 google/sdk/image imagen-3.0-generate-002(literal)',
      '13:19 google/sdk/count-tokens gemini-2.0-flash(constant)',
      '16:36 google/sdk/chat gemini-2.0-flash(constant)',
      '19:14 google/sdk/chat gemini-2.0-flash-lite(literal)',
      '22:32 google/sdk/realtime gemini-2.0-flash-live-001(literal)',
    ]);
    assert.equal(found[0]!.maxOutputTokens, 300);
    assert.equal(found[0]!.temperature, 0.1);
    assert.equal(found[0]!.hasStructuredOutput, true);
    assert.equal(found[0]!.prompt.staticText, 'Why is the sky blue?');
    assert.equal(found[1]!.isStreaming, true);
    assert.equal(found[1]!.prompt.staticText, 'a\nb');
  });

  it('legacy google.generativeai: the model comes from GenerativeModel(...) and start_chat()', async () => {
    const src = dedent(`
      import google.generativeai as genai

      model = genai.GenerativeModel("gemini-1.5-flash", generation_config={"max_output_tokens": 256})
      resp = model.generate_content("Tell me a joke")
      chat = model.start_chat(history=[])
      chat.send_message("and another")
      pro = genai.GenerativeModel(model_name="gemini-1.5-pro", system_instruction="Be brief.")
      pro.generate_content(["Describe", "this"], stream=True)
      genai.embed_content(model="models/text-embedding-004", content="hello")
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      '4:14 google/sdk/chat gemini-1.5-flash(literal)',
      '6:6 google/sdk/chat gemini-1.5-flash(literal)',
      '8:5 google/sdk/chat gemini-1.5-pro(literal)',
      '9:7 google/sdk/embedding models/text-embedding-004(literal)',
    ]);
    assert.equal(found[0]!.maxOutputTokens, 256);
    assert.equal(found[2]!.isStreaming, true);
    assert.equal(found[2]!.prompt.staticText, 'Be brief.\nDescribe\nthis');
  });

  it('Vertex AI: vertexai GenerativeModel and genai.Client(vertexai=True)', async () => {
    const src = dedent(`
      import vertexai
      from vertexai.generative_models import GenerativeModel
      from google import genai

      vertexai.init(project="p", location="us-central1")
      m = GenerativeModel("gemini-1.5-pro-002")
      m.generate_content("hi")
      vc = genai.Client(vertexai=True, project="p", location="us-central1")
      vc.models.generate_content(model="gemini-2.0-flash-001", contents="hi")
    `);
    assert.deepEqual((await calls(src)).map(brief), ['7:3 vertex/sdk/chat gemini-1.5-pro-002(literal)', '9:11 vertex/sdk/chat gemini-2.0-flash-001(literal)']);
  });

  it('reads the system instruction inside a GenerateContentConfig', async () => {
    const src = dedent(`
      from google import genai
      from google.genai import types
      client = genai.Client()
      client.models.generate_content(
          model="gemini-2.0-flash",
          contents="Summarize this.",
          config=types.GenerateContentConfig(system_instruction="You are concise.", max_output_tokens=64),
      )
    `);
    const [c] = await calls(src);
    assert.equal(c!.prompt.staticText, 'Summarize this.\nYou are concise.');
    assert.equal(c!.maxOutputTokens, 64);
  });

  it('JS: @google/genai and @google/generative-ai', async () => {
    const src = dedent(`
      import { GoogleGenAI } from "@google/genai";
      import { GoogleGenerativeAI } from "@google/generative-ai";

      const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
      const genAI = new GoogleGenerativeAI(process.env.KEY!);

      export async function main() {
        const r = await ai.models.generateContent({ model: "gemini-2.5-flash", contents: "Explain AI", config: { maxOutputTokens: 100 } });
        const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
        const out = await model.generateContent("Write a poem");
        const chat = model.startChat({ history: [] });
        await chat.sendMessage("hello");
        const s = await ai.models.generateContentStream({ model: "gemini-2.0-flash", contents: [] });
        return [r, out, s];
      }
    `);
    const found = await calls(src, 'typescript');
    assert.deepEqual(found.map(brief), [
      '8:29 google/sdk/chat gemini-2.5-flash(literal)',
      '10:27 google/sdk/chat gemini-1.5-flash(literal)',
      '12:14 google/sdk/chat gemini-1.5-flash(literal)',
      '13:29 google/sdk/chat gemini-2.0-flash(literal)',
    ]);
    assert.equal(found[0]!.maxOutputTokens, 100);
    assert.equal(found[3]!.isStreaming, true);
  });
});
