import type { Model } from '../catalog/schema';
import type { Engine } from '../engine';
import type { AnalyzedCall, AuditResult } from '../types';

/** A CycloneDX 1.6 BOM (the subset Modelwise writes). */
export interface CycloneDxBom {
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  version: number;
  metadata: { tools: { components: { type: 'application'; name: string; version: string }[] }; timestamp?: string };
  components: CycloneDxComponent[];
}

type LicenseChoice = { license: { id: string } | { name: string; url?: string } } | { expression: string };

/** One model as an ML-BOM component. */
export interface CycloneDxComponent {
  type: 'machine-learning-model';
  'bom-ref': string;
  name: string;
  group?: string;
  supplier?: { name: string };
  description?: string;
  licenses?: LicenseChoice[];
  externalReferences?: { type: 'documentation' | 'license' | 'website'; url: string }[];
  modelCard?: {
    modelParameters: {
      task?: string;
      architectureFamily?: string;
      inputs?: { format: string }[];
      outputs?: { format: string }[];
    };
  };
  properties: { name: string; value: string }[];
}

const TASK_FOR_KIND: Record<Model['kind'], string> = {
  chat: 'text-generation',
  reasoning: 'text-generation',
  embedding: 'feature-extraction',
  image: 'text-to-image',
  audio: 'audio',
  moderation: 'text-classification',
  rerank: 'text-ranking',
  ocr: 'image-to-text',
};

/** SPDX id / expression → CycloneDX license choice (a plain id, or an expression when compound). */
function spdxChoice(spdx: string): LicenseChoice {
  return /\s(AND|OR|WITH)\s/.test(spdx) ? { expression: spdx } : { license: { id: spdx } };
}

/**
 * The audit's AI bill of materials (CycloneDX 1.6 ML-BOM): one `machine-learning-model` component per distinct model
 * the code calls, with its license (SPDX id, or name + link for custom licenses), supplier, the model-card basics
 * (task, family, input/output formats) and Modelwise properties (call sites, open weights, policy verdict, monthly
 * spend). Models the catalog does not know are listed by the name the code uses, marked `modelwise:inCatalog=false`.
 * No timestamp or serial number unless given, so the output is reproducible.
 */
export function formatCycloneDx(audit: AuditResult, engine: Engine, opts: { timestamp?: string; toolVersion?: string } = {}): CycloneDxBom {
  const byModel = new Map<string, AnalyzedCall[]>();
  for (const c of audit.calls) {
    const key = c.cost.modelId ?? c.model;
    if (key === null) continue;
    const list = byModel.get(key) ?? [];
    list.push(c);
    byModel.set(key, list);
  }
  const components: CycloneDxComponent[] = [];
  for (const [key, calls] of [...byModel].sort(([a], [b]) => a.localeCompare(b))) {
    const model = calls[0]!.cost.modelId !== null ? engine.models.get(key) : undefined;
    const monthly = calls.reduce((s, c) => s + (c.cost.monthlyMicroUsd ? (c.cost.monthlyMicroUsd.low + c.cost.monthlyMicroUsd.high) / 2 : 0), 0);
    const properties = [
      { name: 'modelwise:callSites', value: String(calls.length) },
      { name: 'modelwise:files', value: [...new Set(calls.map((c) => c.file))].sort().join(',') },
      { name: 'modelwise:inCatalog', value: String(model !== undefined) },
      { name: 'modelwise:monthlyUsd', value: (Math.round(monthly / 10_000) / 100).toFixed(2) },
    ];
    if (!model) {
      components.push({ type: 'machine-learning-model', 'bom-ref': `model:${key}`, name: key, properties });
      continue;
    }
    const license = engine.models.license(model.license);
    const verdict = calls.find((c) => c.policy)?.policy?.verdict;
    properties.push({ name: 'modelwise:openWeights', value: String(model.openWeights) });
    properties.push({ name: 'modelwise:licenseId', value: model.license });
    if (verdict) properties.push({ name: 'modelwise:policyVerdict', value: verdict });
    const comp: CycloneDxComponent = {
      type: 'machine-learning-model',
      'bom-ref': `model:${model.id}`,
      name: model.id,
      group: model.vendor,
      supplier: { name: model.vendor },
      description: model.name,
      modelCard: {
        modelParameters: {
          task: TASK_FOR_KIND[model.kind],
          architectureFamily: model.family,
          inputs: model.modalities.input.map((format) => ({ format })),
          outputs: model.modalities.output.map((format) => ({ format })),
        },
      },
      properties,
    };
    if (license) {
      comp.licenses = [license.spdx ? spdxChoice(license.spdx) : { license: { name: license.name, url: license.url } }];
      comp.externalReferences = [{ type: 'license', url: license.url }];
    }
    const doc = model.sources[0]?.url;
    if (doc) (comp.externalReferences ??= []).push({ type: 'documentation', url: doc });
    components.push(comp);
  }
  const bom: CycloneDxBom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { tools: { components: [{ type: 'application', name: 'modelwise', version: opts.toolVersion ?? '0.1.0' }] } },
    components,
  };
  if (opts.timestamp) bom.metadata.timestamp = opts.timestamp;
  return bom;
}
