/**
 * Which workspace files an import specifier can name, so a call whose model is an imported constant can be re-audited
 * together with the file that defines it. Over-approximates on purpose (every plausible file), because the engine's
 * cross-file resolution decides what actually matches; a file too many costs one extra parse, a file too few loses
 * the model id.
 */
export function importTargets(fromFile: string, module: string, files: ReadonlySet<string>): string[] {
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
  const out = new Set<string>();
  const add = (candidate: string) => {
    if (files.has(candidate)) out.add(candidate);
  };
  if (/\.(py|ipynb)$/.test(fromFile)) {
    for (const base of pythonBases(dir, module)) {
      add(`${base}.py`);
      add(`${base}/__init__.py`);
    }
  } else {
    for (const base of jsBases(dir, module)) {
      add(base);
      for (const ext of JS_EXTENSIONS) {
        add(base + ext);
        add(`${base}/index${ext}`);
      }
      const stripped = base.replace(/\.(c|m)?js$/, '');
      if (stripped !== base) for (const ext of JS_EXTENSIONS) add(stripped + ext);
    }
  }
  return [...out];
}

const JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

function join(dir: string, rel: string): string {
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** `from .settings import X` (relative), else `app.settings` tried from every ancestor directory (sys.path varies). */
function pythonBases(dir: string, module: string): string[] {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  if (dots > 0) {
    let base = dir;
    for (let i = 1; i < dots; i++) base = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '';
    return [join(base, rest)];
  }
  const bases: string[] = [];
  let d = dir;
  for (;;) {
    bases.push(join(d, rest));
    if (d === '') break;
    d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '';
  }
  bases.push(join('src', rest));
  return bases;
}

/** `./config` relative to the file; path aliases (`@/lib/config`, `~/lib/config`) from the root and from `src/`. */
function jsBases(dir: string, module: string): string[] {
  if (module.startsWith('.')) return [join(dir, module)];
  const alias = module.replace(/^[@~#]\//, '');
  return alias === module ? [] : [join('', alias), join('src', alias)];
}
