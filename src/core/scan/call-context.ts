import type { CallSite, LanguageId } from '../types';
import type { Evaluator } from './evaluate';
import { field, type SNode } from './syntax-tree';

const LOOPS = new Set([
  'for_statement', 'while_statement', 'for_in_statement', 'do_statement', 'for_of_statement',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'async_for_statement',
]);
const PY_FN = new Set(['function_definition']);
const JS_FN = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function']);
/** Array methods whose callback runs once per element. */
const ITERATING = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find', 'starmap', 'imap', 'apply', 'progress_apply', 'parallel_apply']);

/** True when the call runs once per element: inside a loop or comprehension, or in a callback given to `.map` etc. */
export function isInLoop(ev: Evaluator, call: SNode): boolean {
  let child = call;
  for (let p = call.parent; p; child = p, p = p.parent) {
    if (LOOPS.has(p.type)) {
      // The iterable of a for loop is evaluated once.
      if ((p.type === 'for_statement' || p.type === 'for_in_statement') && child.field === 'right') continue;
      return true;
    }
    if (p.type === 'lambda' || JS_FN.has(p.type)) {
      if (isIteratingCallback(ev, p)) return true;
      if (p.type === 'lambda' || p.type === 'arrow_function' || p.type === 'function_expression' || p.type === 'function') continue;
      return false;
    }
    if (PY_FN.has(p.type)) return false;
  }
  return false;
}

/** `xs.map(async (x) => …)`, `df.apply(lambda r: …)`. */
function isIteratingCallback(ev: Evaluator, fn: SNode): boolean {
  const args = fn.parent;
  if (!args || (args.type !== 'arguments' && args.type !== 'argument_list')) return false;
  const call = args.parent;
  if (!call) return false;
  const callee = field(call, 'function');
  if (!callee) return false;
  const prop = field(callee, 'property') ?? field(callee, 'attribute');
  const name = prop ? ev.t(prop) : ev.t(callee);
  return ITERATING.has(name) || name === 'map';
}

/** `Class.method`, `function`, or null at module level. Arrow functions take the name of the variable they are assigned to. */
export function enclosingFunction(ev: Evaluator, call: SNode): string | null {
  for (let p = call.parent; p; p = p.parent) {
    const isFn = ev.index.family === 'py' ? PY_FN.has(p.type) : JS_FN.has(p.type);
    if (!isFn) continue;
    const scope = ev.index.scopes.get(p);
    const name = scope?.name;
    if (!name) continue;
    const cls = scope?.cls && scope.parent?.kind === 'class' ? scope.cls.name : null;
    return cls ? `${cls}.${name}` : name;
  }
  return null;
}

/** `modelwise: id=NAME` and `modelwise: routine|frontier` on the call's line or the line above (in a comment). */
export function readMarkers(lines: readonly string[], row: number): { usageId?: string; classOverride?: 'routine' | 'frontier' } {
  const out: { usageId?: string; classOverride?: 'routine' | 'frontier' } = {};
  for (const r of [row, row - 1]) {
    const line = lines[r];
    if (!line || !/(#|\/\/|\/\*).*modelwise:/.test(line)) continue;
    const id = /modelwise:\s*id\s*=\s*([\w.\-/]+)/.exec(line);
    if (id && !out.usageId) out.usageId = id[1];
    const cls = /modelwise:\s*(routine|frontier)\b/.exec(line);
    if (cls && !out.classOverride) out.classOverride = cls[1] as 'routine' | 'frontier';
  }
  return out;
}

/** Shared tail of every call site: position, context, markers. */
export function siteFrame(
  ev: Evaluator,
  call: SNode,
  nameNode: SNode,
  ctx: { fileName: string; language: LanguageId; lines: readonly string[] },
): Pick<CallSite, 'id' | 'file' | 'language' | 'line' | 'column' | 'startOffset' | 'endOffset' | 'nameStartOffset' | 'nameEndOffset' | 'inLoop' | 'enclosingFunction' | 'usageId' | 'classOverride'> {
  const markers = readMarkers(ctx.lines, nameNode.row);
  return {
    id: `:${nameNode.row + 1}:${nameNode.col + 1}`,
    file: ctx.fileName,
    language: ctx.language,
    line: nameNode.row + 1,
    column: nameNode.col + 1,
    startOffset: call.start,
    endOffset: call.end,
    nameStartOffset: nameNode.start,
    nameEndOffset: nameNode.end,
    inLoop: isInLoop(ev, call),
    enclosingFunction: enclosingFunction(ev, call),
    ...(markers.usageId ? { usageId: markers.usageId } : {}),
    ...(markers.classOverride ? { classOverride: markers.classOverride } : {}),
  };
}
