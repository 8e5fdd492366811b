/**
 * HTML helpers shared by the extension's webviews (license comparison, audit report). vscode-free so they can be
 * unit-tested: escaping of every workspace string, a nonce from crypto.getRandomValues, and a strict CSP that allows
 * only the webview's own local resources and the one nonce'd script.
 */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Template tag that escapes every interpolated value unless it is wrapped with `raw()`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += renderValue(v) + (strings[i + 1] ?? '');
  });
  return new RawHtml(out);
}

/** Already-safe HTML (the result of `html` or a deliberate `raw`). */
export class RawHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks a string as safe HTML. Use only for markup built by these helpers. */
export function raw(value: string): RawHtml {
  return new RawHtml(value);
}

function renderValue(v: unknown): string {
  if (v instanceof RawHtml) return v.value;
  if (Array.isArray(v)) return v.map(renderValue).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(v);
}

/** 32 random alphanumerics from crypto.getRandomValues, new for every render. */
export function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** `default-src 'none'`; styles and images only from the webview's resource origin; the one script by nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** What every page needs: the CSP source and nonce, and the URIs (as strings) of the shared stylesheet and script. */
export interface PageAssets {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
}

/** A full HTML document with the strict CSP, the stylesheet, the body and the nonce'd script. */
export function renderPage(title: string, view: string, body: RawHtml, assets: PageAssets): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(assets.cspSource, assets.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${assets.styleUri}">
<title>${title}</title>
</head>
<body data-view="${view}">
${body}
<script nonce="${assets.nonce}" src="${assets.scriptUri}"></script>
</body>
</html>`.value;
}
