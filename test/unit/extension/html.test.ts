import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeHtml, html, makeNonce, raw, renderPage } from '../../../src/extension/webview/html';

describe('webview html helpers', () => {
  it('escapes markup and quotes', () => {
    assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('the html tag escapes interpolations but not nested html or raw', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<td>${name}</td>${html`<b>${'&'}</b>`}${raw('<i>ok</i>')}${[1, 2]}`.value;
    assert.equal(out, '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><b>&amp;</b><i>ok</i>12');
  });

  it('nonces are 32 alphanumerics and differ each time', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, b);
  });

  it('the page has a default-src none CSP and only the nonce script', () => {
    const csp = contentSecurityPolicy('vscode-resource:', 'N1');
    assert.ok(csp.startsWith("default-src 'none'"));
    assert.ok(csp.includes("script-src 'nonce-N1'"));
    assert.ok(!csp.includes('unsafe'));
    const page = renderPage('T<1>', 'licenses', html`<p>x</p>`, { cspSource: 'vscode-resource:', nonce: 'N1', styleUri: 's.css', scriptUri: 'w.js' });
    assert.ok(page.includes('<title>T&lt;1&gt;</title>'));
    assert.ok(page.includes('<script nonce="N1" src="w.js"></script>'));
    assert.ok(page.includes('data-view="licenses"'));
  });
});
