import * as assert from 'node:assert/strict';
import { brief, calls, dedent, loc } from './scan-helpers';

const at = (src: string, needle: string, rest: string, nth = 1) => `${loc(src, needle, nth)} ${rest}`;

describe('scan: other vendor SDKs', () => {
  it('Mistral v1 and the legacy MistralClient (Python)', async () => {
    const src = dedent(`
      from mistralai import Mistral
      from mistralai.client import MistralClient

      client = Mistral(api_key="k")
      r = client.chat.complete(model="mistral-small-latest", messages=[{"role": "user", "content": "hi"}], max_tokens=50)
      s = client.chat.stream(model="mistral-large-latest", messages=[])
      e = client.embeddings.create(model="mistral-embed", inputs=["a"])
      o = client.ocr.process(model="mistral-ocr-latest", document={"type": "document_url", "document_url": "https://x/y.pdf"})
      old = MistralClient(api_key="k")
      old.chat(model="open-mixtral-8x7b", messages=[])
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'complete(', 'mistral/sdk/chat mistral-small-latest(literal)'),
      at(src, 'stream(', 'mistral/sdk/chat mistral-large-latest(literal)'),
      at(src, 'create(', 'mistral/sdk/embedding mistral-embed(literal)'),
      at(src, 'process(', 'mistral/sdk/ocr mistral-ocr-latest(literal)'),
      at(src, 'chat(model="open', 'mistral/sdk/chat open-mixtral-8x7b(literal)'),
    ]);
    assert.equal(found[0]!.maxOutputTokens, 50);
    assert.equal(found[1]!.isStreaming, true);
  });

  it('Mistral and Cohere in TypeScript', async () => {
    const src = dedent(`
      import { Mistral } from "@mistralai/mistralai";
      import { CohereClientV2 } from "cohere-ai";
      const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? "" });
      const cohere = new CohereClientV2({ token: "t" });
      export async function go() {
        await mistral.chat.complete({ model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] });
        await cohere.chat({ model: "command-a-03-2025", messages: [] });
        await cohere.embed({ model: "embed-english-v3.0", texts: ["a"], inputType: "search_document" });
        await cohere.rerank({ model: "rerank-v3.5", query: "q", documents: ["d"] });
      }
    `);
    assert.deepEqual((await calls(src, 'typescript')).map(brief), [
      at(src, 'complete(', 'mistral/sdk/chat mistral-small-latest(literal)'),
      at(src, 'chat({ model: "command', 'cohere/sdk/chat command-a-03-2025(literal)'),
      at(src, 'embed(', 'cohere/sdk/embedding embed-english-v3.0(literal)'),
      at(src, 'rerank(', 'cohere/sdk/rerank rerank-v3.5(literal)'),
    ]);
  });

  it('Cohere (Python v1 and v2 clients); generic .chat( on unknown receivers is not a call', async () => {
    const src = dedent(`
      import cohere
      co = cohere.Client("key")
      co2 = cohere.ClientV2()
      a = co.chat(message="Hello", model="command-r-plus", preamble="Be nice.")
      b = co2.embed(texts=["x"], model="embed-english-v3.0", input_type="search_query", embedding_types=["float"])
      c = co.generate(prompt="Once", model="command", max_tokens=20)

      def handler(bot):
          return bot.chat(message="hello")
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'chat(message="Hello"', 'cohere/sdk/chat command-r-plus(literal)'),
      at(src, 'embed(', 'cohere/sdk/embedding embed-english-v3.0(literal)'),
      at(src, 'generate(', 'cohere/sdk/completion command(literal)'),
    ]);
    assert.equal(found[0]!.prompt.staticText, 'Be nice.\nHello');
    assert.equal(found[2]!.maxOutputTokens, 20);
  });

  it('AWS Bedrock with boto3: invoke_model, converse, kwargs dicts, sessions and unknown clients', async () => {
    const src = dedent(`
      import json, boto3
      session = boto3.Session(profile_name="dev")
      brt = session.client("bedrock-runtime", region_name="us-east-1")
      s3 = boto3.client("s3")
      HAIKU = "anthropic.claude-3-haiku-20240307-v1:0"

      def ask(prompt):
          body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 300, "messages": [{"role": "user", "content": prompt}]})
          return brt.invoke_model(modelId=HAIKU, body=body)

      def conv(prompt):
          return brt.converse(modelId="amazon.nova-lite-v1:0", messages=[{"role": "user", "content": [{"text": "Summarize: " + prompt}]}],
                              inferenceConfig={"maxTokens": 120, "temperature": 0.2})

      def embed(client, text):
          kwargs = {"modelId": "amazon.titan-embed-text-v2:0", "body": json.dumps({"inputText": text})}
          return client.invoke_model(**kwargs)

      s3.put_object(Bucket="b", Key="k", Body=b"")
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'invoke_model(modelId', 'bedrock/sdk/chat anthropic.claude-3-haiku-20240307-v1:0(constant)'),
      at(src, 'converse(', 'bedrock/sdk/chat amazon.nova-lite-v1:0(literal)'),
      at(src, 'invoke_model(**', 'bedrock/sdk/embedding amazon.titan-embed-text-v2:0(literal)'),
    ]);
    assert.equal(found[0]!.maxOutputTokens, 300);
    assert.equal(found[1]!.maxOutputTokens, 120);
    assert.equal(found[1]!.temperature, 0.2);
    assert.equal(found[1]!.prompt.staticText, 'Summarize: ');
  });

  it('AWS Bedrock in JS: client.send(new XCommand({ modelId })) inline or built earlier', async () => {
    const src = dedent(`
      import { BedrockRuntimeClient, InvokeModelCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
      const client = new BedrockRuntimeClient({ region: "us-east-1" });
      export async function run(prompt: string) {
        const command = new InvokeModelCommand({ modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0", body: JSON.stringify({ max_tokens: 500, messages: [] }) });
        const a = await client.send(command);
        const b = await client.send(new ConverseStreamCommand({ modelId: "amazon.nova-lite-v1:0", messages: [] }));
        return [a, b];
      }
    `);
    const found = await calls(src, 'typescript');
    assert.deepEqual(found.map(brief), [
      at(src, 'send(command', 'bedrock/sdk/chat anthropic.claude-3-5-sonnet-20240620-v1:0(literal)'),
      at(src, 'send(new', 'bedrock/sdk/chat amazon.nova-lite-v1:0(literal)'),
    ]);
  });

  it('Together, Groq, Ollama, Voyage and Hugging Face SDKs', async () => {
    const src = dedent(`
      import ollama
      import voyageai
      from together import Together
      from groq import Groq

      tg = Together()
      tg.chat.completions.create(model="meta-llama/Llama-3.3-70B-Instruct-Turbo", messages=[])
      Groq().chat.completions.create(model="llama-3.1-8b-instant", messages=[])
      ollama.chat(model="llama3.2", messages=[{"role": "user", "content": "Why?"}])
      vo = voyageai.Client()
      vo.embed(["doc one"], model="voyage-3", input_type="document")
      vo.rerank("q", ["a", "b"], model="rerank-2", top_k=1)
    `);
    assert.deepEqual((await calls(src)).map(brief), [
      at(src, 'create(model="meta', 'together/sdk/chat meta-llama/Llama-3.3-70B-Instruct-Turbo(literal)'),
      at(src, 'create(model="llama-3.1', 'groq/sdk/chat llama-3.1-8b-instant(literal)'),
      at(src, 'chat(model="llama3.2"', 'ollama/sdk/chat llama3.2(literal)'),
      at(src, 'embed(', 'voyage/sdk/embedding voyage-3(literal)'),
      at(src, 'rerank(', 'voyage/sdk/rerank rerank-2(literal)'),
    ]);
  });

  it('Anthropic on Bedrock and Vertex, Azure OpenAI, and OpenAI-compatible hosts by base URL', async () => {
    const src = dedent(`
      import os
      from anthropic import AnthropicBedrock, AnthropicVertex
      from openai import AzureOpenAI, OpenAI

      AnthropicBedrock().messages.create(model="anthropic.claude-3-5-sonnet-20241022-v2:0", max_tokens=10, messages=[])
      AnthropicVertex(region="us-east5", project_id="p").messages.create(model="claude-3-5-sonnet-v2@20241022", max_tokens=10, messages=[])
      az = AzureOpenAI(azure_endpoint="https://acme.openai.azure.com", api_version="2024-06-01")
      az.chat.completions.create(model="gpt-4o-deployment", messages=[])
      ds = OpenAI(base_url="https://api.deepseek.com", api_key=os.environ["DEEPSEEK_API_KEY"])
      ds.chat.completions.create(model="deepseek-chat", messages=[])
      local = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
      local.chat.completions.create(model="llama3.1", messages=[])
      router = OpenAI(base_url=os.getenv("OPENROUTER_BASE", "https://openrouter.ai/api/v1"))
      router.chat.completions.create(model="anthropic/claude-3.5-sonnet", messages=[])
    `);
    const found = await calls(src);
    assert.deepEqual(found.map(brief), [
      at(src, 'create(model="anthropic.', 'bedrock/sdk/chat anthropic.claude-3-5-sonnet-20241022-v2:0(literal)'),
      at(src, 'create(model="claude-3-5-sonnet-v2', 'vertex/sdk/chat claude-3-5-sonnet-v2@20241022(literal)'),
      at(src, 'create(model="gpt-4o-deployment"', 'azure-openai/sdk/chat gpt-4o-deployment(literal)'),
      at(src, 'create(model="deepseek-chat"', 'deepseek/sdk/chat deepseek-chat(literal)'),
      at(src, 'create(model="llama3.1"', 'ollama/sdk/chat llama3.1(literal)'),
      at(src, 'create(model="anthropic/claude', 'openrouter/sdk/chat anthropic/claude-3.5-sonnet(literal)'),
    ]);
    assert.equal(found[3]!.baseUrl, 'https://api.deepseek.com');
  });
});
