import type { PortfolioScenario } from '../../core/advise/portfolio';
import type { AnalyzedCall } from '../../core/types';
import { html, raw, type RawHtml } from '../webview/html';
import { rankCalls, rankGroups, totalSpend, type SpendGroup, type SpendTotal, type WorkspaceAudit } from './audit-utils';

/** The portfolio scenario as the engine's `portfolio()` returns it (micro-USD per month). */
export type PortfolioView = PortfolioScenario;

/** Rows shown per table before "… and N more". */
const MAX_ROWS = 300;

/**
 * The audit report's body: summary (with a "partial" banner after a cancel), export buttons, the portfolio scenario,
 * and tables ranked by monthly spend — by call site, file, model, provider — then routine calls with their best
 * alternative, unpriced/unknown items, skipped files and input issues. Every workspace string is escaped.
 */
export function renderAuditBody(audit: WorkspaceAudit, scenario: PortfolioView, usd: (microUsd: number) => string): RawHtml {
  const { result } = audit;
  const total = totalSpend(result.calls);
  const span = (low: number, high: number) => (usd(low) === usd(high) ? usd(low) : `${usd(low)} – ${usd(high)}`);
  const range = (t: SpendTotal) => (t.calls === t.unpricedCalls ? '—' : span(t.lowMicroUsd, t.highMicroUsd));
  const callRange = (c: AnalyzedCall) => (c.cost.monthlyMicroUsd ? span(c.cost.monthlyMicroUsd.low, c.cost.monthlyMicroUsd.high) : statusLabel(c));
  const ranked = rankCalls(result.calls);
  const routine = ranked.filter((c) => c.advice.class === 'routine');
  const unpriced = ranked.filter((c) => !c.cost.priced || !c.cost.monthlyMicroUsd);
  const where = (c: AnalyzedCall) => html`<button type="button" class="link" data-open-file="${c.file}" data-line="${c.line}" data-column="${c.column}" data-cell="${c.cell ?? ''}">${c.file}:${c.line}</button>`;
  const groupTable = (caption: string, id: string, groups: SpendGroup[]) => html`
<section aria-labelledby="${id}-h"><h2 id="${id}-h">${caption}</h2>
<table id="${id}"><thead><tr><th scope="col">${caption.replace(/^By /, '')}</th><th scope="col" class="num">Monthly (USD)</th><th scope="col" class="num">Calls</th><th scope="col" class="num">Unpriced</th></tr></thead>
<tbody>${groups.slice(0, MAX_ROWS).map((g) => html`<tr><th scope="row">${g.key}</th><td class="num">${range(g)}</td><td class="num">${g.calls}</td><td class="num">${g.unpricedCalls}</td></tr>`)}</tbody></table>
${more(groups.length)}</section>`;
  return html`
<header>
<h1>Workspace LLM spend</h1>
${result.partial ? html`<p class="banner" role="status" id="partial-banner">Partial results: the audit was cancelled after ${result.partial.done} of ${result.partial.total} files.</p>` : ''}
<p id="summary">${result.calls.length} LLM calls in ${result.files.scanned} files (${result.files.skipped.length} skipped) · estimated <strong>${range(total)}</strong> per month${total.unpricedCalls > 0 ? html` · <strong>${total.unpricedCalls}</strong> calls without a price (not counted as $0)` : ''} · ${audit.roots.join(', ')} · ${audit.finishedAt} (${audit.durationMs} ms)</p>
<div class="actions" role="group" aria-label="Export">
<button type="button" data-export="markdown">Export Markdown…</button>
<button type="button" data-export="csv">Export CSV…</button>
<button type="button" data-export="json">Export JSON…</button>
</div>
</header>
<section aria-labelledby="scenario-h"><h2 id="scenario-h">Scenario: spend now vs. routine calls on cheaper models (mid of each range)</h2>
<table id="scenario"><tbody>
<tr><th scope="row">Spend now</th><td class="num">${usd(scenario.nowMicroUsd)}/mo</td></tr>
<tr><th scope="row">The ${scenario.movableCalls} routine calls with an alternative (of ${scenario.routineCalls} routine) moved to it</th><td class="num">${usd(scenario.allRoutineMovedMicroUsd)}/mo</td></tr>
<tr><th scope="row">Only routine calls costing at least ${usd(scenario.thresholdMicroUsd)}/mo moved</th><td class="num">${usd(scenario.aboveThresholdMovedMicroUsd)}/mo</td></tr>
</tbody></table></section>
<section aria-labelledby="calls-h"><h2 id="calls-h">By call site</h2>
<table id="calls"><thead><tr><th scope="col">Where</th><th scope="col">Model</th><th scope="col">Provider</th><th scope="col">Class</th><th scope="col" class="num">Monthly (USD)</th><th scope="col" class="num">Calls/month</th></tr></thead>
<tbody>${ranked.slice(0, MAX_ROWS).map((c) => html`<tr><td>${where(c)}</td><td>${c.model ?? 'dynamic'}</td><td>${c.cost.host ?? c.provider}</td><td>${c.advice.class}</td><td class="num">${callRange(c)}</td><td class="num">${c.cost.callsPerMonth}</td></tr>`)}</tbody></table>
${more(ranked.length)}</section>
${groupTable('By file', 'by-file', rankGroups(result.calls, (c) => c.file))}
${groupTable('By model', 'by-model', rankGroups(result.calls, (c) => c.cost.modelId ?? c.model ?? 'dynamic (unknown)'))}
${groupTable('By provider', 'by-provider', rankGroups(result.calls, (c) => c.cost.host ?? c.provider))}
<section aria-labelledby="routine-h"><h2 id="routine-h">Routine calls and their best alternative</h2>
${routine.length === 0 ? html`<p>No call was classified as routine.</p>` : html`<table id="routine"><thead><tr><th scope="col">Where</th><th scope="col">Model</th><th scope="col">Alternative</th><th scope="col">License</th><th scope="col" class="num">Saving/month</th></tr></thead>
<tbody>${routine.slice(0, MAX_ROWS).map((c) => {
    const a = c.advice.alternatives[0];
    return html`<tr><td>${where(c)}</td><td>${c.model ?? 'dynamic'}</td><td>${a ? `${a.name} (${a.host})` : '—'}</td><td>${a ? `${a.licenseLabel} · ${a.policy.verdict}` : '—'}</td><td class="num">${a ? `${usd(a.savingMonthlyMicroUsd)} (${Math.round(a.savingFraction * 100)}%)` : '—'}</td></tr>`;
  })}</tbody></table>${more(routine.length)}`}</section>
<section aria-labelledby="unpriced-h"><h2 id="unpriced-h">Unpriced and unknown</h2>
${unpriced.length === 0 ? html`<p>Every call has a price.</p>` : html`<table id="unpriced"><thead><tr><th scope="col">Where</th><th scope="col">Model</th><th scope="col">Why</th></tr></thead>
<tbody>${unpriced.slice(0, MAX_ROWS).map((c) => html`<tr><td>${where(c)}</td><td>${c.model ?? 'dynamic'}</td><td>${statusLabel(c)}</td></tr>`)}</tbody></table>${more(unpriced.length)}`}</section>
${result.files.skipped.length > 0 || result.issues.length > 0 ? html`<section aria-labelledby="skipped-h"><h2 id="skipped-h">Skipped files and input issues</h2><ul>
${result.files.skipped.slice(0, MAX_ROWS).map((s) => html`<li>${s.file}: ${s.reason}</li>`)}
${result.issues.slice(0, MAX_ROWS).map((i) => html`<li>${i.file}${i.line ? `:${i.line}:${i.column ?? 1}` : ''}: ${i.message}</li>`)}
</ul></section>` : ''}`;
}

/** Why a call has no monthly figure, in words. */
export function statusLabel(c: Pick<AnalyzedCall, 'model' | 'cost'>): string {
  if (c.model === null) return 'model unknown — set it in .modelwise.yaml';
  switch (c.cost.status) {
    case 'unknown-model':
      return 'unpriced model (not in the catalog)';
    case 'unpriced':
      return 'unpriced model (no per-token price)';
    case 'self-hosted':
      return 'self-hosted (no per-token price)';
    default:
      return 'no estimate';
  }
}

function more(n: number): RawHtml {
  return n > MAX_ROWS ? html`<p class="more">… and ${n - MAX_ROWS} more (see the exports).</p>` : raw('');
}
