import type { ModelSource } from '../types';
import type { Evaluator } from './evaluate';
import { named, type SNode } from './syntax-tree';
import { UNKNOWN, type Val } from './values';

/** Strings, f-strings, template literals and implicit concatenation; interpolations that resolve are folded in. */
export function evalString(ev: Evaluator, n: SNode): Val {
  if (n.type === 'concatenated_string') {
    let text = '';
    let prefix = '';
    let dynamic = false;
    for (const part of named(n)) {
      const v = ev.eval(part);
      if (v.k === 'str') {
        text += v.value;
        if (!dynamic) prefix += v.value;
      } else if (v.k === 'partial') {
        text += v.text;
        if (!dynamic) prefix += v.prefix;
        dynamic = true;
      } else return UNKNOWN;
    }
    return dynamic ? { k: 'partial', prefix, text } : { k: 'str', value: text, source: 'literal' };
  }
  let text = '';
  let prefix = '';
  let dynamic = false;
  let resolvedAll = true;
  let source: ModelSource = 'literal';
  const startTok = n.kids.find((k) => k.type === 'string_start');
  const raw = startTok ? /r/i.test(ev.t(startTok)) : false;
  const visit = (node: SNode) => {
    for (const k of node.kids) {
      if (k.type === 'string_content' || k.type === 'string_fragment') {
        if (k.kids.some((c) => c.type === 'interpolation')) visit(k);
        else {
          const s = raw ? ev.t(k) : unescape(ev.t(k));
          text += s;
          if (!dynamic) prefix += s;
        }
      } else if (k.type === 'escape_sequence') {
        const s = unescape(ev.t(k));
        text += s;
        if (!dynamic) prefix += s;
      } else if (k.type === 'interpolation' || k.type === 'template_substitution') {
        const expr = named(k)[0];
        const v = expr ? ev.eval(expr) : UNKNOWN;
        if (v.k === 'str') {
          text += v.value;
          if (!dynamic) prefix += v.value;
          source = combine(source, v.source === 'literal' ? 'constant' : v.source);
        } else {
          dynamic = true;
          resolvedAll = false;
        }
      }
    }
  };
  visit(n);
  if (!resolvedAll) return { k: 'partial', prefix, text };
  return { k: 'str', value: text, source, ...(source === 'literal' ? { lit: n } : {}) };
}

/** The weakest-known source of two parts (env-default > default > constant > literal). */
export function combine(a: ModelSource, b: ModelSource): ModelSource {
  if (a === 'env-default' || b === 'env-default') return 'env-default';
  if (a === 'default' || b === 'default') return 'default';
  if (a === 'constant' || b === 'constant') return 'constant';
  return a;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };
function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\n|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.length > 1 && (e[0] === 'u' || e[0] === 'x')) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n') return '';
    return ESCAPES[e] ?? e;
  });
}
