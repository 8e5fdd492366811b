import type { AnalyzedCall } from '../types';
import { formatInt, formatUsd, formatUsdRange, priceUsd } from './format-usd';

/** Escapes Markdown control characters in workspace-provided text (model names, file names). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

const OUTPUT_HIGH: Record<AnalyzedCall['tokens']['outputHighSource'], string> = {
  'call-max': "the call's max tokens",
  'model-max': "the model's max output (the call sets no max)",
  'default-cap': 'a default cap (no max known)',
  none: 'no output',
};

/**
 * The hover over a call: tokens (exact or estimated, and why), the prices used with their source and date, the
 * assumptions, cached/batch options, the top alternatives with evidence and license verdicts, and findings.
 * Markdown for the editor (and for the Markdown report's details).
 */
export function hoverMarkdown(call: AnalyzedCall): string {
  const out: string[] = [];
  const cost = call.cost;
  const written = call.model === null ? 'model chosen at run time' : `\`${call.model}\``;
  const id = cost.modelId;
  const model = call.model !== null && id !== null && id.toLowerCase() !== call.model.toLowerCase() ? `${written} (catalog id \`${id}\`)` : written;
  const host = cost.host ? ` on ${escapeMarkdown(cost.host)}` : '';
  out.push(`**${model}**${host} — ${call.advice.class} (confidence ${Math.round(call.advice.confidence * 100)}%)`);
  out.push('');
  if (cost.priced && cost.perCallMicroUsd && cost.monthlyMicroUsd) {
    out.push('| | per call | per month |', '|---|---:|---:|');
    out.push(`| low | ${formatUsd(cost.perCallMicroUsd.low)} | ${formatUsd(cost.monthlyMicroUsd.low)} |`);
    out.push(`| high | ${formatUsd(cost.perCallMicroUsd.high)} | ${formatUsd(cost.monthlyMicroUsd.high)} |`);
    out.push('');
  } else {
    out.push(`**${statusText(call)}** — no dollar figure is shown rather than a wrong one.`, '');
    if (call.model === null) {
      const where = call.usageId !== undefined ? `id: ${call.usageId}` : `file: ${call.file}${call.enclosingFunction ? `\n    function: ${call.enclosingFunction}` : ''}`;
      out.push('Name the model in `.modelwise.yaml`:', '', '```yaml', 'usage:', `  - ${where}`, '    callsPerMonth: 1000', '    model: <model id>', '```', '');
    }
  }

  const t = call.tokens;
  const how =
    t.method === 'tiktoken'
      ? `exact (${t.encoding}, the model's own encoding)`
      : t.method === 'calibrated-factor'
        ? `estimated: ${t.encoding} tokenizer ≈ o200k count × a calibrated factor, expected within ${Math.round(t.band.low * 100)}–${Math.round(t.band.high * 100)}%`
        : t.method === 'prior'
          ? 'assumed: the input is built at run time (set usage.inputTokens in .modelwise.yaml)'
          : 'from usage.inputTokens in .modelwise.yaml';
  out.push('**Tokens**');
  out.push(`- input: ${formatInt(t.input)} — ${how}${call.prompt.hasDynamicParts && (t.method === 'tiktoken' || t.method === 'calibrated-factor') ? '; only the static prompt text is counted' : ''}`);
  if (t.outputHighSource !== 'none') {
    out.push(`- output: ${formatInt(t.outputLow)} (prior) to ${formatInt(t.outputHigh)} (${OUTPUT_HIGH[t.outputHighSource]})`);
  }
  out.push('');

  const p = cost.prices;
  if (p && (p.inputPerMTok !== undefined || p.outputPerMTok !== undefined)) {
    const src = cost.offerSource ? ` — [source](${cost.offerSource.url}), as of ${cost.offerSource.asOf}` : '';
    out.push('**Prices used** (per 1M tokens)');
    out.push(`- input ${price(p.inputPerMTok)}, output ${price(p.outputPerMTok)}${src}`);
    const opts = cost.options;
    if (opts?.cachedPerCallMicroUsd) {
      out.push(`- cached input ${price(p.cachedInputPerMTok)}: ~${formatUsdRange(opts.cachedPerCallMicroUsd.low, opts.cachedPerCallMicroUsd.high)}/call with the prompt cached`);
    }
    if (opts?.batchPerCallMicroUsd) {
      out.push(`- batch ${price(p.batchInputPerMTok)} / ${price(p.batchOutputPerMTok)}: ~${formatUsdRange(opts.batchPerCallMicroUsd.low, opts.batchPerCallMicroUsd.high)}/call as a batch job`);
    }
    out.push('');
  }

  out.push('**Assumptions**');
  for (const a of cost.assumptions) out.push(`- ${a}`);
  out.push('');

  if (call.advice.reasons.length > 0) {
    out.push(`**Why ${call.advice.class}:** ${call.advice.reasons.join(', ')}${call.advice.overriddenBy ? ` (set by ${call.advice.overriddenBy})` : ''}`, '');
  }

  if (call.advice.alternatives.length > 0) {
    out.push('**Alternatives**');
    for (const a of call.advice.alternatives) {
      const evidence = a.evidence.map((e) => `${e.benchmark} ${e.alternative} vs ${e.current}`).join('; ');
      out.push(
        `- **${a.name}** on ${a.host} — ~${formatUsd(Math.round((a.monthlyMicroUsd.low + a.monthlyMicroUsd.high) / 2))}/mo (−${Math.round(a.savingFraction * 100)}%), ` +
          `license ${a.licenseName && a.licenseName !== a.licenseLabel ? `${a.licenseLabel} (${a.licenseName})` : a.licenseLabel}: policy ${a.policy.verdict}${a.policy.findings.length > 0 ? ` (${a.policy.findings.map((f) => f.code).join(', ')})` : ''}` +
          `${evidence ? `; evidence: ${evidence}` : ''}${a.hostSpread.hosts > 1 ? `; ${a.hostSpread.hosts} hosts, input $${a.hostSpread.minInputPerMTok}–${a.hostSpread.maxInputPerMTok}/1M` : ''}`,
      );
    }
    out.push('');
  }

  if (call.policy) {
    out.push(`**License policy:** ${call.policy.verdict}${call.policy.licenseId ? ` (${call.policy.licenseId})` : ''}`);
  }
  for (const f of call.findings) out.push(`- ${f.severity}: ${f.code} — ${f.message}`);
  return out.join('\n').trimEnd();
}

function statusText(call: AnalyzedCall): string {
  switch (call.cost.status) {
    case 'unknown-model':
      return call.model === null ? 'Model unknown — set it in .modelwise.yaml' : 'Unpriced model (not in the catalog)';
    case 'self-hosted':
      return 'Self-hosted: no per-token price';
    default:
      return 'Unpriced';
  }
}

function price(usd: number | undefined): string {
  return usd === undefined ? 'n/a' : priceUsd(usd);
}
