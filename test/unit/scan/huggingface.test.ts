import * as assert from 'node:assert/strict';
import { calls, dedent } from './scan-helpers';

describe('scan: Hugging Face InferenceClient (Python)', () => {
  it('reports chat_completion as chat, feature_extraction as embedding and text_generation as completion', async () => {
    const src = dedent(`
      from huggingface_hub import InferenceClient

      hf = InferenceClient(token="hf_x")
      hf.chat_completion(model="meta-llama/Llama-3.1-8B-Instruct", messages=[{"role": "user", "content": "hi"}])
      hf.feature_extraction("hi", model="BAAI/bge-small-en-v1.5")
      hf.text_generation("Once upon", model="gpt2")
    `);
    const got = (await calls(src)).map((c) => `${c.provider}/${c.api}`);
    assert.deepEqual(got, ['huggingface/chat', 'huggingface/embedding', 'huggingface/completion']);
  });
});
