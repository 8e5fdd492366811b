import type { License, Model } from '../catalog/schema';
import { classifyLicenseEntry, licenseAllowedBy, licenseDeniedBy, licenseLabel } from '../license/license-match';
import type { Finding, FindingCode, PolicyVerdict } from '../types';
import type { Policy } from './schema';

/** How the model is used, when the call tells us (image input makes the use multimodal). */
export interface PolicyUse {
  multimodal?: boolean;
}

type Level = 'warn' | 'fail';

/** A term as the catalog writes it: the value plus where it is written. */
interface TermRef {
  clause?: string;
  section?: string;
  url?: string;
}

const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Regions that overlap: every EU member is in the EEA, so a product offered in one is offered in the other. */
const OVERLAPS: Readonly<Record<string, readonly string[]>> = { eu: ['eea'], eea: ['eu'] };

/** Does a region the product ships to fall under a limit written for `limitRegion`? */
function regionHits(policyRegion: string, limitRegion: string): boolean {
  const p = policyRegion.trim().toLowerCase();
  const l = limitRegion.trim().toLowerCase();
  return p === l || (OVERLAPS[p] ?? []).includes(l);
}

/**
 * Evaluates one model under the workspace policy. Every finding carries the clause that decides it, verbatim from
 * the catalog license's term, with its section and a link, so people can check the decision against the text.
 *
 * The verdict is the worst finding: `fail` for anything that forbids the use as declared (MAU or revenue above a cap
 * that requires a separate license, a denied or not-allowed license, training on outputs under a no-competing-models
 * clause, research-only terms in a commercial product), `warn` for duties or limits that may apply and that the policy
 * says it does not accept or that depend on facts the policy does not state (e.g. where the licensee is domiciled).
 * Unknown terms are a warning (LICENSE_UNKNOWN_TERMS), never a silent pass. Budget (COST_OVER_BUDGET) is a workspace
 * total and is checked in review, not here.
 */
export function evaluatePolicy(model: Model, license: License | undefined, policy: Policy, use: PolicyUse = {}): PolicyVerdict {
  // Pure in (model, license, policy, use): cached per policy and model object, because alternatives evaluate the same
  // catalog models for every call of an audit. A copy is returned so callers may extend the findings list.
  let byModel = CACHE.get(policy);
  if (!byModel) CACHE.set(policy, (byModel = new WeakMap()));
  let byUse = byModel.get(model);
  if (!byUse) byModel.set(model, (byUse = new Map()));
  const key = `${license?.id ?? ''}\u0000${license ? 'l' : '-'}\u0000${use.multimodal === true}`;
  let verdict = byUse.get(key);
  if (!verdict || verdict.license !== license) {
    verdict = { license, result: computeVerdict(model, license, policy, use) };
    byUse.set(key, verdict);
  }
  return { ...verdict.result, findings: verdict.result.findings.map((f) => ({ ...f })) };
}

const CACHE = new WeakMap<Policy, WeakMap<Model, Map<string, { license: License | undefined; result: PolicyVerdict }>>>();

function computeVerdict(model: Model, license: License | undefined, policy: Policy, use: PolicyUse): PolicyVerdict {
  const findings: Finding[] = [];
  const add = (code: FindingCode, level: Level, message: string, ref?: TermRef, lic?: License): void => {
    const f: Finding = { code, severity: level === 'fail' ? 'error' : 'warning', message };
    if (ref?.clause) f.clause = ref.clause;
    if (ref?.section) f.section = ref.section;
    const link = ref?.url ?? lic?.url;
    if (link) f.url = link;
    findings.push(f);
  };

  checkModelAndVendor(model, policy, add);

  if (!license) {
    add('LICENSE_UNKNOWN_TERMS', 'warn', `No license terms are known for ${model.id} (catalog license "${model.license}").`);
    if (policy.allowLicenses !== undefined) {
      add('LICENSE_NOT_ALLOWED', 'fail', `${model.id}: its license is unknown, so it cannot be shown to be on allowLicenses.`);
    }
  } else {
    checkLicenseLists(license, policy, add);
    checkTerms(model, license, policy, use, add);
  }

  const verdict = findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
  return { modelId: model.id, licenseId: license?.id ?? null, verdict, findings };
}

type Add = (code: FindingCode, level: Level, message: string, ref?: TermRef, lic?: License) => void;

function matchesModel(model: Model, entry: string): boolean {
  return sameText(entry, model.id) || model.aliases.some((a) => sameText(entry, a));
}

function checkModelAndVendor(model: Model, policy: Policy, add: Add): void {
  const deniedModel = policy.denyModels.find((e) => matchesModel(model, e));
  if (deniedModel) add('MODEL_DENIED', 'fail', `${model.id} is on the policy's denyModels list ("${deniedModel}").`);
  else if (policy.allowModels !== undefined && !policy.allowModels.some((e) => matchesModel(model, e))) {
    add('MODEL_DENIED', 'fail', `${model.id} is not on the policy's allowModels list.`);
  }
  const deniedVendor = policy.denyVendors.find((v) => sameText(v, model.vendor));
  if (deniedVendor) add('VENDOR_DENIED', 'fail', `Vendor ${model.vendor} is on the policy's denyVendors list.`);
  else if (policy.allowVendors !== undefined && !policy.allowVendors.some((v) => sameText(v, model.vendor))) {
    add('VENDOR_DENIED', 'fail', `Vendor ${model.vendor} is not on the policy's allowVendors list.`);
  }
}

function checkLicenseLists(license: License, policy: Policy, add: Add): void {
  // A license entry is compared with this license only; other catalog ids are not needed to classify it.
  const ids = [license.id];
  const deny = policy.denyLicenses.map((e) => classifyLicenseEntry(e, ids));
  const denied = licenseDeniedBy(license, deny);
  if (denied) {
    add('LICENSE_DENIED', 'fail', `${licenseLabel(license)} is denied by the policy entry "${denied.entry}".`, { url: license.url }, license);
  }
  if (policy.allowLicenses !== undefined) {
    const allow = policy.allowLicenses.map((e) => classifyLicenseEntry(e, ids));
    if (!licenseAllowedBy(license, allow)) {
      add(
        'LICENSE_NOT_ALLOWED',
        'fail',
        `${licenseLabel(license)} is not on allowLicenses [${policy.allowLicenses.join(', ')}].`,
        { url: license.url },
        license,
      );
    }
  }
}

function usd(n: number): string {
  return `$${n.toLocaleString('en-US')}`;
}

function checkTerms(model: Model, license: License, policy: Policy, use: PolicyUse, add: Add): void {
  const t = license.terms;
  const name = licenseLabel(license);

  // Commercial use.
  if (policy.commercial) {
    if (license.kind === 'research-only' || t.commercialUse.value === 'no') {
      add('LICENSE_NON_COMMERCIAL', 'fail', `${name} does not allow commercial use.`, t.commercialUse, license);
    } else if (t.commercialUse.value === 'unknown') {
      add('LICENSE_UNKNOWN_TERMS', 'warn', `Whether ${name} allows commercial use is not known.`, t.commercialUse, license);
    } else if (t.commercialUse.value === 'conditional' && t.mauCap.value === null && t.revenueCapUsd.value === null) {
      add('LICENSE_NON_COMMERCIAL', 'warn', `${name} allows commercial use only under conditions; check them.`, t.commercialUse, license);
    }
  }

  // MAU and revenue caps. Above a cap, 'license-required' means the grant does not apply; 'display-name' is a duty.
  const capLevel = (): Level => (t.mauCapEffect === 'license-required' ? 'fail' : !policy.acceptNamingRules ? 'fail' : 'warn');
  const effectText = t.mauCapEffect === 'license-required' ? 'a separate license from the licensor is required' : 'the license adds a duty';
  const mau = policy.monthlyActiveUsers;
  if (t.mauCap.value !== null && mau !== undefined && mau > t.mauCap.value) {
    add(
      'LICENSE_MAU_CAP',
      capLevel(),
      `${mau.toLocaleString('en-US')} monthly active users exceeds the ${t.mauCap.value.toLocaleString('en-US')} cap of ${name}: ${effectText}.`,
      t.mauCap,
      license,
    );
  }
  const revenue = policy.monthlyRevenueUsd;
  if (t.revenueCapUsd.value !== null && revenue !== undefined && revenue > t.revenueCapUsd.value) {
    add('LICENSE_REVENUE_CAP', capLevel(), `Monthly revenue ${usd(revenue)} exceeds the ${usd(t.revenueCapUsd.value)} cap of ${name}: ${effectText}.`, t.revenueCapUsd, license);
  }

  // Attribution and naming duties.
  if (!policy.acceptAttribution && t.attribution.value !== 'none') {
    const level: Level = t.attribution.value === 'prominent' ? 'fail' : 'warn';
    const what = t.attribution.text ? ` ("${t.attribution.text}")` : '';
    add('LICENSE_ATTRIBUTION', level, `${name} requires ${t.attribution.value} attribution${what}; the policy does not accept attribution duties.`, t.attribution, license);
  }
  if (!policy.acceptNamingRules && t.naming.value === 'prefix-required') {
    // The prefix rule binds models created with the materials or their outputs: certain when outputs train models.
    const level: Level = policy.trainOnOutputs ? 'fail' : 'warn';
    const what = t.naming.text ? ` ("${t.naming.text}")` : '';
    add('LICENSE_NAMING', level, `${name} imposes a naming rule on models built with it or its outputs${what}; the policy does not accept naming rules.`, t.naming, license);
  }

  // Training other models on outputs.
  if (policy.trainOnOutputs) {
    const v = t.outputTraining.value;
    if (v === 'forbidden-competing' || v === 'forbidden') {
      const scope = v === 'forbidden-competing' ? 'to develop competing models' : 'to train other models';
      add('LICENSE_OUTPUT_TRAINING', 'fail', `The terms of ${model.id} forbid using outputs ${scope}; the policy says outputs will train models.`, t.outputTraining, license);
    } else if (v === 'inherits') {
      add('LICENSE_OUTPUT_TRAINING', 'warn', `A model trained on outputs of ${model.id} becomes a derivative and inherits the ${name} terms.`, t.outputTraining, license);
    } else if (v === 'unknown') {
      add('LICENSE_UNKNOWN_TERMS', 'warn', `Whether outputs of ${model.id} may train other models is not known.`, t.outputTraining, license);
    }
  }

  // Regional limits (from the license or its use policy).
  const isMultimodalModel = model.modalities.input.some((m) => m !== 'text') || use.multimodal === true;
  for (const limit of t.regionalLimits) {
    if (!policy.regions.some((r) => regionHits(r, limit.region))) continue;
    if (limit.scope === 'multimodal' && !isMultimodalModel) continue;
    // A limit on licensees domiciled in the region binds only if the company is there (the policy does not say);
    // a limit on end users or everyone binds wherever the product is offered in the region.
    const level: Level = limit.appliesTo === 'licensee' ? 'warn' : 'fail';
    const who = limit.appliesTo === 'licensee' ? 'licensees domiciled in' : 'users in';
    const scope = limit.scope === 'multimodal' ? `multimodal model ${model.id}` : model.id;
    add('LICENSE_REGION', level, `${name} limits rights to the ${scope} for ${who} ${limit.region}; the policy lists ${limit.region}.`, limit, license);
  }
}
