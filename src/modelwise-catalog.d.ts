/** The compiled catalog, inlined by esbuild.mjs (validated at build time). Only shells import it. */
declare module 'modelwise:catalog' {
  import type { Catalog } from './core/catalog/schema';
  const catalog: Catalog;
  export default catalog;
}
