import type { Catalog, License, Model } from '../core/catalog/schema';
import { createModelIndex } from '../core/catalog/lookup';
import type { Config } from '../core/config/schema';
import type { ModelsFormat } from './args';

/** Filters of `modelwise models`. */
export interface ModelsFilter {
  openWeights: boolean;
  license?: string;
  vendor?: string;
}

/** One model as the listing contract spells it: the catalog model with its license expanded to the full terms. */
export type ListedModel = Omit<Model, 'license'> & { license: { id: string } & Partial<Omit<License, 'id'>> };

/**
 * The models of the catalog (and the config's private models) that pass the filters, in the listing contract's shape:
 * `{ models: [{ id, name, vendor, openWeights, aliases, license: { id, …terms }, sources, offers, … }] }`.
 * License and vendor filters are case-insensitive; the license filter matches the catalog id or the SPDX id.
 */
export function listModels(catalog: Catalog, config: Config | undefined, filter: ModelsFilter): { models: ListedModel[] } {
  const index = createModelIndex(catalog, config);
  const want = (s: string | undefined) => s?.toLowerCase();
  const models = index
    .all()
    .filter((m) => !filter.openWeights || m.openWeights)
    .filter((m) => filter.vendor === undefined || m.vendor.toLowerCase() === want(filter.vendor))
    .filter((m) => {
      if (filter.license === undefined) return true;
      const l = index.license(m.license);
      return m.license.toLowerCase() === want(filter.license) || (l?.spdx ?? '').toLowerCase() === want(filter.license);
    })
    .map((m): ListedModel => {
      const license = index.license(m.license);
      return { ...m, license: license ? { ...license } : { id: m.license } };
    });
  return { models };
}

/** Renders the listing as JSON or as a plain aligned table (one row per model, cheapest token offer). */
export function formatModels(listing: { models: ListedModel[] }, format: ModelsFormat): string {
  if (format === 'json') return JSON.stringify(listing, null, 2);
  const rows = listing.models.map((m) => {
    const priced = m.offers.filter((o) => o.inputPerMTok !== undefined && !o.selfHosted);
    const cheapest = priced.sort((a, b) => (a.inputPerMTok ?? 0) - (b.inputPerMTok ?? 0))[0];
    return [
      m.id,
      m.vendor,
      m.openWeights ? 'yes' : 'no',
      m.license.spdx ?? m.license.id,
      cheapest ? `$${cheapest.inputPerMTok} / $${cheapest.outputPerMTok ?? '?'}` : m.offers.some((o) => o.selfHosted) ? 'self-hosted' : 'unpriced',
      cheapest?.host ?? '',
      String(m.offers.length),
    ];
  });
  const header = ['model', 'vendor', 'open', 'license', 'in / out per 1M tok', 'cheapest host', 'offers'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '', `${rows.length} model${rows.length === 1 ? '' : 's'}`].join('\n');
}
