import type { ReportFigure, ReportModel, ReportTable } from '../modules/reports/report-model.js';
import { formatChange, formatFigure } from './format.js';

/** The plain-text part of the report email: the same model as the HTML, for clients that want text. */
export function reportText(model: ReportModel): string {
  const out: string[] = [];
  out.push(model.title, model.organizationName, `${model.periodLabel} (${model.timezone}), compared with the period before`);
  if (model.filterSummary.length) out.push(model.filterSummary.join(' · '));
  out.push('', ...figureLines(model.summary));
  if (model.unpricedRequests > 0) {
    out.push('', `! ${formatFigure(model.unpricedRequests, 'count')} request(s) used a model with no known price; their cost is unknown and not included.`);
  }
  if (model.agentRuns) out.push('', 'AGENT RUNS', ...figureLines(model.agentRuns));
  if (model.cache) out.push('', 'CACHE', ...figureLines(model.cache));
  for (const t of model.tables) out.push('', ...tableLines(t));
  if (model.hints.length) out.push('', 'WAYS TO SPEND LESS', ...model.hints.map((h) => `- ${h.text}`));
  out.push('', `Open the dashboard with this filter: ${model.dashboardUrl}`, '');
  return out.join('\n');
}

function figureLines(figures: ReportFigure[]): string[] {
  return figures.map((f) => `${f.label}: ${formatFigure(f.value, f.format)} (${formatChange(f.value, f.previous, f.format)}; was ${formatFigure(f.previous, f.format)})`);
}

function tableLines(t: ReportTable): string[] {
  const lines = [t.title.toUpperCase()];
  if (!t.rows.length) return [...lines, `  ${t.empty}`];
  t.rows.forEach((row, i) => {
    const [first, ...rest] = t.columns;
    const name = row[first.key] == null || row[first.key] === '' ? '(none)' : String(row[first.key]);
    const figures = rest.map((c) => `${c.label.toLowerCase()} ${c.format === 'text' ? (row[c.key] ?? '(none)') : formatFigure(row[c.key] as number | null, c.format)}`);
    lines.push(`${String(i + 1).padStart(2)}. ${name}: ${figures.join(', ')}`);
  });
  if (t.link) lines.push(`    ${t.link}`);
  return lines;
}
