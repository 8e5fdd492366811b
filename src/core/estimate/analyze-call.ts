import { suggestAlternatives } from '../advise/alternatives';
import { classifyCall } from '../advise/classify';
import type { Engine } from '../engine';
import { effectiveLicense } from '../license/effective-license';
import { evaluatePolicy } from '../policy/evaluate';
import type { AnalyzedCall, CallSite, Finding } from '../types';
import { DEFAULT_OUTPUT_CAP, estimateTokens } from './estimate-tokens';
import { estimateCost } from './estimate-cost';
import { hostForProvider, SELF_HOSTED_PROVIDERS } from './offers';
import { matchUsage } from './usage';

/** A call in a loop is flagged when its high-end output is at least this many tokens. */
export const LOOP_OUTPUT_FLAG_TOKENS = DEFAULT_OUTPUT_CAP;

/**
 * Everything the engine knows about one call site: the model it resolves to (for a run-time model id, the one its
 * usage entry in `.modelwise.yaml` names, with modelSource 'config'), its token and cost estimates, the
 * routine/frontier class with alternatives, the license policy verdict, and findings for the Problems panel
 * (MODEL_NOT_IN_CATALOG, DYNAMIC_MODEL_ID, CALL_IN_LOOP, ROUTINE_ON_FRONTIER and the policy's own findings).
 */
export function analyzeCall(site: CallSite, engine: Engine): AnalyzedCall {
  const config = engine.config;
  const usage = matchUsage(site, config);
  const configured = site.model === null ? usage.entry?.model : undefined;
  const call: CallSite = configured !== undefined ? { ...site, model: configured, modelSource: 'config' } : site;
  const model = call.model !== null ? engine.models.resolve(call.model, call.provider) : undefined;
  const tokens = estimateTokens(call, model, config, usage);
  const cost = estimateCost(call, model, tokens, config, usage);
  const cls = classifyCall(call, model, config);
  const alternatives = suggestAlternatives(call, { model, tokens, cost }, cls.class, engine);
  // The license as the call uses the model: a weights-licensed model reached through its vendor's own API (Mistral
  // Large on Mistral's API) is governed by the vendor's API terms, not by the weights license.
  const policy = model
    ? evaluatePolicy(model, effectiveLicense(model, cost.host, engine).license, config.policy, { multimodal: call.hasImageInput })
    : undefined;

  const findings: Finding[] = [];
  const selfHosted = SELF_HOSTED_PROVIDERS.has(hostForProvider(call.provider));
  if (call.model === null) {
    findings.push({
      code: 'DYNAMIC_MODEL_ID',
      severity: 'info',
      message: 'The model is chosen at run time; set it in .modelwise.yaml (or use a constant) to price this call.',
    });
  } else if (!model && !selfHosted) {
    findings.push({
      code: 'MODEL_NOT_IN_CATALOG',
      severity: 'warning',
      message: `'${call.model}' is not in the catalog, so this call is unpriced (not $0). Add it under models: in .modelwise.yaml.`,
    });
  }
  if (call.inLoop && tokens.outputHigh >= LOOP_OUTPUT_FLAG_TOKENS) {
    findings.push({
      code: 'CALL_IN_LOOP',
      severity: 'warning',
      message: `Called inside a loop with up to ${tokens.outputHigh.toLocaleString('en-US')} output tokens per call; every iteration is billed. Set max tokens or the loop's volume in usage.`,
    });
  }
  const best = alternatives[0];
  if (cls.class === 'routine' && best !== undefined && best.savingFraction >= 0.5) {
    findings.push({
      code: 'ROUTINE_ON_FRONTIER',
      severity: 'info',
      message: `Routine call: ${best.name} (${best.licenseLabel}) on ${best.host} would save about ${Math.round(best.savingFraction * 100)}%.`,
    });
  }
  if (policy) findings.push(...policy.findings);

  const advice = { class: cls.class, confidence: cls.confidence, reasons: cls.reasons, alternatives, ...(cls.overriddenBy ? { overriddenBy: cls.overriddenBy } : {}) };
  return { ...call, tokens, cost, advice, ...(policy ? { policy } : {}), findings };
}
