import type { LocatedFinding, ModelChange, ReviewCall, ReviewReport } from '../review/types';

/** Dollars for people, from a USD number already rounded to cents: "$1,234.50", "-$12.00", "+$3.10" with sign. */
export function usdText(usd: number, signed = false): string {
  const abs = Math.abs(usd).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const sign = usd < 0 ? '-' : signed && usd > 0 ? '+' : '';
  return `${sign}$${abs}`;
}

/** Escapes text for a Markdown table cell (pipes and newlines). */
const cellText = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

const where = (c: { file: string; line?: number; cell?: number }): string =>
  `\`${c.file}${c.cell !== undefined ? ` cell ${c.cell + 1}` : ''}${c.line !== undefined ? `:${c.line}` : ''}\``;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const modelList = (models: ModelChange[]): string => models.map((m) => `\`${m.model}\`${m.known ? '' : ' (not in catalog)'}`).join(', ');

function callRows(calls: ReviewCall[]): string[] {
  const rows = ['| Where | Model | Class | Monthly |', '| --- | --- | --- | --- |'];
  for (const c of calls) {
    const model = c.modelId ?? c.model ?? '(run time)';
    rows.push(`| ${where(c)} | \`${cellText(model)}\` | ${c.class} | ${c.monthlyUsd === null ? 'unpriced' : usdText(c.monthlyUsd)} |`);
  }
  return rows;
}

function findingLine(f: LocatedFinding): string {
  const loc = f.file !== undefined ? `${where({ file: f.file, line: f.line, cell: f.cell })} ` : '';
  const clause = f.clause ? `\n  > ${f.clause.replace(/\r?\n/g, ' ')}${f.section || f.url ? `\n  > — ${[f.section, f.url].filter(Boolean).join(', ')}` : ''}` : '';
  const old = f.introduced === false ? ' _(already on the base branch)_' : '';
  return `- **${f.code}** ${loc}${f.message}${old}${clause}`;
}

function details(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

/**
 * The review as a pull-request comment: a verdict line and a one-line summary first (what changed, what it costs), the
 * blocking findings with their clauses next, and everything else folded in <details> blocks.
 */
export function formatReviewMarkdown(report: ReviewReport): string {
  const lines: string[] = [];
  const verdict = report.status === 'fail' ? '❌ Modelwise check failed' : '✅ Modelwise check passed';
  lines.push(`### ${verdict}`, '');
  const s = report.spend;
  const summary = [
    `${plural(report.calls.added.length, 'call')} added, ${report.calls.removed.length} removed`,
    report.models.added.length > 0 ? `models added: ${modelList(report.models.added)}` : '',
    report.models.removed.length > 0 ? `models removed: ${modelList(report.models.removed)}` : '',
    `monthly spend ${usdText(s.baseMonthlyUsd)} → ${usdText(s.headMonthlyUsd)} (${usdText(s.deltaMonthlyUsd, true)})`,
  ].filter((p) => p !== '');
  lines.push(summary.join(' · '), '');
  if (report.budget.monthlyBudgetUsd !== null) {
    lines.push(`Budget: ${usdText(report.budget.monthlyBudgetUsd)}/month — ${report.budget.over ? '**over budget**' : 'within budget'}.`, '');
  }

  const blocking = report.findings.filter((f) => f.severity === 'error');
  if (blocking.length > 0) {
    lines.push('**Blocking:**', '', ...blocking.map(findingLine), '');
  }

  if (report.calls.swapped.length > 0) {
    const body = report.calls.swapped.map((w) => {
      const saving = w.savingMonthlyUsd === null ? 'saving unknown (unpriced)' : w.savingMonthlyUsd >= 0 ? `saves ${usdText(w.savingMonthlyUsd)}/month` : `costs ${usdText(-w.savingMonthlyUsd)}/month more`;
      return `- ${where(w.to)}: \`${w.from.modelId ?? w.from.model}\` → \`${w.to.modelId ?? w.to.model}\` — ${saving}`;
    });
    lines.push(...details(`Model swaps (${report.calls.swapped.length})`, body));
  }
  if (report.licenses.length > 0) {
    const body: string[] = [];
    for (const l of report.licenses) {
      const v = l.verdict;
      body.push(`- \`${v.modelId}\` (${v.licenseId ?? 'unknown license'}): **${v.verdict}** — ${plural(l.calls.length, 'call')}`);
      for (const f of v.findings) body.push(`  ${findingLine({ ...f }).replace(/\n {2}/g, '\n    ')}`);
    }
    lines.push(...details(`License verdicts of introduced models (${report.licenses.length})`, body));
  }
  if (report.calls.added.length > 0) lines.push(...details(`Calls added (${report.calls.added.length})`, callRows(report.calls.added)));
  if (report.calls.removed.length > 0) lines.push(...details(`Calls removed (${report.calls.removed.length})`, callRows(report.calls.removed)));
  const other = report.findings.filter((f) => f.severity !== 'error');
  if (other.length > 0) lines.push(...details(`Other findings (${other.length})`, other.map(findingLine)));
  const notes: string[] = [];
  if (report.unpricedCalls.head > 0) notes.push(`${plural(report.unpricedCalls.head, 'call')} in the head could not be priced (not in the spend).`);
  notes.push(`${plural(report.calls.unchanged, 'call')} unchanged. Spend is the middle of each call's monthly range.`);
  lines.push(`<sub>${notes.join(' ')}</sub>`, '');
  return lines.join('\n');
}
