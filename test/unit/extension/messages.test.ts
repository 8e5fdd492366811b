import * as assert from 'node:assert/strict';
import { isFromWebview } from '../../../src/extension/webview/messages';

describe('webview message guard', () => {
  it('accepts the protocol messages', () => {
    assert.equal(isFromWebview({ type: 'ready' }), true);
    assert.equal(isFromWebview({ type: 'export', format: 'csv' }), true);
    assert.equal(isFromWebview({ type: 'open', file: 'a.py', line: 3, column: 1 }), true);
    assert.equal(isFromWebview({ type: 'addModel', modelId: 'gemma-4-26b' }), true);
  });

  it('rejects unknown types and wrong field types', () => {
    assert.equal(isFromWebview({ type: 'export', format: 'pdf' }), false);
    assert.equal(isFromWebview({ type: 'open', file: 'a.py', line: '3', column: 1 }), false);
    assert.equal(isFromWebview({ type: 'addModel', modelId: 42 }), false);
    assert.equal(isFromWebview({ type: 'runShell', cmd: 'rm -rf /' }), false);
    assert.equal(isFromWebview(null), false);
    assert.equal(isFromWebview('ready'), false);
  });
});
