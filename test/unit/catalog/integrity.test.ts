import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalogIntegrity, parseCatalog } from '../../../src/core/catalog/parse-catalog';
import { createModelIndex } from '../../../src/core/catalog/lookup';
import type { Catalog, License } from '../../../src/core/catalog/schema';
import { repoRoot, testCatalog } from '../../helpers/engine';

/**
 * Whole-catalog rules: every price and model is sourced and dated, every alias names exactly one model, ids are unique,
 * every referenced license exists, and every non-trivial license term says where it is written.
 */

/** Licenses whose terms are fully described by a standard text; their terms may omit a clause. */
const STANDARD = new Set(['apache-2.0', 'mit']);
/** Placeholder for weights whose license text was not read: every decisive term must stay 'unknown'. */
const UNVERIFIED = 'license-unverified';

type TermKey = keyof License['terms'];
const TERM_KEYS: TermKey[] = ['commercialUse', 'mauCap', 'revenueCapUsd', 'attribution', 'naming', 'redistribution', 'acceptableUsePolicy', 'outputTraining', 'patentGrant', 'copyleft'];

interface TermLike { value: unknown; clause?: string; url?: string }

describe('catalog integrity', function () {
  let catalog: Catalog;
  before(function () {
    catalog = testCatalog();
  });

  it('every catalog/*.yaml parses and validates with no issues', function () {
    const dir = join(repoRoot, 'catalog');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
      .map((f) => ({ name: `catalog/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
    const { catalog: parsed, issues } = parseCatalog(files);
    assert.deepEqual(issues.map((i) => `${i.file} ${i.path ?? ''}: ${i.message}`), []);
    const offers = parsed.models.reduce((n, m) => n + m.offers.length, 0);
    console.log(`      catalog: ${files.length} files, ${parsed.models.length} models, ${offers} offers, ${parsed.licenses.length} licenses`);
    assert.ok(parsed.models.length >= 100, `only ${parsed.models.length} models`);
  });

  it('every offer has a source URL and an as-of date; self-hosted offers carry no price, the others an input price', function () {
    let priced = 0;
    let selfHosted = 0;
    for (const m of catalog.models) {
      for (const o of m.offers) {
        const where = `${m.id} @ ${o.host}`;
        assert.match(o.source, /^https?:\/\/\S+$/, `${where}: source`);
        assert.match(o.asOf, /^\d{4}-\d{2}(-\d{2})?$/, `${where}: asOf`);
        if (o.selfHosted) {
          selfHosted++;
          assert.equal(o.inputPerMTok, undefined, `${where}: a self-hosted offer has no per-token price`);
          assert.equal(o.outputPerMTok, undefined, `${where}: a self-hosted offer has no per-token price`);
        } else {
          priced++;
          assert.ok(o.inputPerMTok !== undefined || (o.unitPrices?.length ?? 0) > 0, `${where}: unpriced offer`);
        }
      }
    }
    assert.ok(priced > 300 && selfHosted > 20, `priced ${priced}, self-hosted ${selfHosted}`);
  });

  it('every model has at least one dated source; every benchmark is sourced and dated', function () {
    for (const m of catalog.models) {
      assert.ok(m.sources.length > 0, `${m.id}: no sources`);
      for (const s of m.sources) assert.match(s.asOf, /^\d{4}-\d{2}/, `${m.id}: source without date`);
      for (const b of m.benchmarks) {
        assert.match(b.source, /^https?:\/\//, `${m.id} ${b.name}: benchmark source`);
        assert.match(b.asOf, /^\d{4}-\d{2}/, `${m.id} ${b.name}: benchmark date`);
      }
    }
  });

  it('model ids and license ids are unique', function () {
    const ids = catalog.models.map((m) => m.id.toLowerCase());
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    const lids = catalog.licenses.map((l) => l.id);
    assert.deepEqual(lids.filter((id, i) => lids.indexOf(id) !== i), []);
  });

  it('no name (id or alias) is claimed by two models, and each resolves to its own model through the index', function () {
    const owners = new Map<string, Set<string>>();
    for (const m of catalog.models) {
      for (const name of [m.id, ...m.aliases]) {
        const key = name.toLowerCase();
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(m.id);
      }
    }
    const shared = [...owners].filter(([, s]) => s.size > 1).map(([k, s]) => `${k}: ${[...s].join(', ')}`);
    assert.deepEqual(shared, []);

    const index = createModelIndex(catalog);
    const wrong: string[] = [];
    let aliases = 0;
    for (const m of catalog.models) {
      for (const a of m.aliases) {
        aliases++;
        const got = index.resolve(a)?.id;
        if (got !== m.id) wrong.push(`${a} → ${got ?? 'nothing'} (expected ${m.id})`);
      }
    }
    console.log(`      aliases: ${aliases} checked, ${wrong.length} resolve elsewhere`);
    assert.deepEqual(wrong, []);
  });

  it('the integrity check itself rejects a duplicated alias and an unknown license id', function () {
    const [a, b] = catalog.models;
    assert.ok(a && b);
    const broken: Catalog = {
      updated: catalog.updated,
      licenses: catalog.licenses,
      models: [{ ...a, aliases: [...a.aliases, 'shared-name'] }, { ...b, aliases: ['Shared-Name'], license: 'no-such-license' }],
    };
    const messages = checkCatalogIntegrity(broken).map((i) => i.message);
    assert.ok(messages.some((msg) => msg.includes("'Shared-Name' is claimed by both")), messages.join('\n'));
    assert.ok(messages.some((msg) => msg.includes("unknown license 'no-such-license'")), messages.join('\n'));
  });

  it('every license a model references exists', function () {
    const known = new Set(catalog.licenses.map((l) => l.id));
    const missing = catalog.models.filter((m) => !known.has(m.license)).map((m) => `${m.id} → ${m.license}`);
    assert.deepEqual(missing, []);
  });

  it('every known term of a non-Apache/MIT license says where it is written (clause or url)', function () {
    const gaps: string[] = [];
    let checked = 0;
    for (const l of catalog.licenses) {
      if (STANDARD.has(l.id) || l.id === UNVERIFIED) continue;
      for (const key of TERM_KEYS) {
        const t = l.terms[key] as TermLike;
        if (t.value === 'unknown' || t.value === null) continue;
        checked++;
        if (!t.clause && !t.url) gaps.push(`${l.id}.${key}`);
      }
      for (const r of l.terms.regionalLimits) {
        checked++;
        if (!r.clause || !r.url) gaps.push(`${l.id}.regionalLimits.${r.region}`);
      }
    }
    console.log(`      license terms with evidence: ${checked - gaps.length}/${checked}`);
    assert.deepEqual(gaps, []);
    assert.ok(checked > 150, `only ${checked} terms checked`);
  });

  it('the unverified-license placeholder asserts nothing decisive', function () {
    const u = catalog.licenses.find((l) => l.id === UNVERIFIED);
    assert.ok(u, 'license-unverified missing');
    for (const key of ['commercialUse', 'redistribution', 'outputTraining', 'patentGrant'] as const) {
      assert.equal(u.terms[key].value, 'unknown', `license-unverified.${key}`);
    }
    assert.equal(u.terms.mauCap.value, null);
  });
});
