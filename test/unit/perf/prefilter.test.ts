import { strict as assert } from 'node:assert';
import { mayContainCalls } from '../../../src/core/scan/prefilter';

describe('perf: scanner prefilter precision', () => {
  it('a send_message/sendMessage call alone (messaging, auth brokers) is not evidence of an LLM call', () => {
    assert.equal(mayContainCalls('this.port.sendMessage(request);\nawait handler.sendMessage({ method: "GetToken" });\n'), false);
    assert.equal(mayContainCalls('bot.send_message(chat_id, "hello")\n'), false);
  });

  it('Gemini chats still pass through the call that opens them, with or without the import in the file', () => {
    assert.equal(mayContainCalls('chat = client.chats.create(model="gemini-2.5-flash")\nchat.send_message("hi")\n'), true);
    assert.equal(mayContainCalls('chat = model.start_chat()\nchat.send_message("hi")\n'), true);
    assert.equal(mayContainCalls('const chat = model.startChat({ history: [] });\nawait chat.sendMessage("hello");\n'), true);
  });
});
