import { field, named, type SNode } from './syntax-tree';

const WRAPPERS = /^(typing\.|typing_extensions\.)?(Annotated|Optional|Union)$/;
const NONE = /^(None|NoneType)$/;

/**
 * The class a Python parameter annotation names, seen through the wrappers apps put around it:
 * `Annotated[Groq, Depends(get_groq)]`, `Optional[OpenAI]`, `Union[OpenAI, None]`, `AsyncOpenAI | None`.
 * Why: a FastAPI or typed helper receives its client as a parameter, and the annotation is the only place that says
 * which SDK it is. Returns the node to evaluate (the bare class expression), or the input when nothing wraps it.
 */
export function annotatedClass(type: SNode, t: (n: SNode) => string): SNode {
  let node = type;
  for (let depth = 0; depth < 6; depth++) {
    if (node.type === 'type') {
      const inner = named(node)[0];
      if (!inner) return node;
      node = inner;
      continue;
    }
    if (node.type === 'generic_type' || node.type === 'subscript') {
      const head = node.type === 'subscript' ? field(node, 'value') : named(node)[0];
      if (!head || !WRAPPERS.test(t(head))) return node;
      const args = node.type === 'subscript' ? named(node).slice(1) : named(named(node)[1] ?? node);
      const pick = args.find((a) => !NONE.test(t(a)));
      if (!pick) return node;
      node = pick;
      continue;
    }
    if (node.type === 'binary_operator' && t(node).includes('|')) {
      const left = field(node, 'left');
      const right = field(node, 'right');
      const pick = left && !NONE.test(t(left)) && left.type !== 'none' ? left : right;
      if (!pick || pick.type === 'none') return node;
      node = pick;
      continue;
    }
    return node;
  }
  return node;
}

/**
 * True when a parameter default is a dependency-injection marker rather than a value (`Depends(get_client)`,
 * `Security(...)`, `Provide[Container.llm]`): the injected object is described by the annotation, not the default.
 */
export function isInjectionMarker(dflt: SNode, t: (n: SNode) => string): boolean {
  if (dflt.type === 'call') {
    const fn = field(dflt, 'function');
    return !!fn && /(^|\.)(Depends|Security|Inject)$/.test(t(fn));
  }
  if (dflt.type === 'subscript') {
    const v = field(dflt, 'value');
    return !!v && /(^|\.)Provide$/.test(t(v));
  }
  return false;
}
