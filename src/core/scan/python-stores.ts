import { field, type SNode } from './syntax-tree';

/** Prefix of the synthetic names under which stores are kept in the module scope; no identifier can contain ':'. */
export const STORE_PREFIX = 'store:';

/**
 * The dotted key of a write or read into an imported object's slot: `st.session_state["openai_model"]` and
 * `st.session_state.openai_model` both give `st.session_state.openai_model`. Why: Streamlit apps seed the model id
 * into `st.session_state` once and read it back in the call, so the write is the only place the id appears.
 * Returns undefined for anything but a dotted name with a plain string (or attribute) key.
 */
export function storeKey(node: SNode, t: (n: SNode) => string): string | undefined {
  let obj: SNode | undefined;
  let key: string | undefined;
  if (node.type === 'subscript') {
    obj = field(node, 'value');
    const idx = field(node, 'subscript');
    if (!idx || idx.type !== 'string') return undefined;
    const m = /^(['"])([\w.-]+)\1$/.exec(t(idx));
    key = m?.[2];
  } else if (node.type === 'attribute') {
    obj = field(node, 'object');
    const attr = field(node, 'attribute');
    key = attr ? t(attr) : undefined;
  }
  if (!obj || !key || (obj.type !== 'identifier' && obj.type !== 'attribute')) return undefined;
  const base = t(obj).replace(/\s+/g, '');
  if (!/^[A-Za-z_][\w.]*$/.test(base) || /^(self|cls)\b/.test(base)) return undefined;
  return `${STORE_PREFIX}${base}.${key}`;
}
