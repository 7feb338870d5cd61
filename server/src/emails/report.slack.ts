import type { ReportFigure, ReportModel, ReportTable } from '../modules/reports/report-model.js';
import { escapeSlack as s } from './escape.js';
import { formatChange, formatFigure } from './format.js';

// Slack's limits: 150 characters in a header, 10 fields per section, 3000 characters of text.
const HEADER_MAX = 150;
const TEXT_MAX = 2900;

/** The report as a Slack Block Kit message for an incoming webhook: the headline figures, the top tables, a link. */
export function reportSlack(model: ReportModel, subject: string): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${model.title} · ${model.periodLabel}`, HEADER_MAX), emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: s(`${model.organizationName} · ${model.timezone} · compared with the period before${model.filterSummary.length ? ` · ${model.filterSummary.join(' · ')}` : ''}`) }] },
    { type: 'section', fields: model.summary.slice(0, 10).map(field) },
  ];
  if (model.unpricedRequests > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${formatFigure(model.unpricedRequests, 'count')} request(s) used a model with no known price; their cost is not included.` } });
  }
  const extra = [...(model.agentRuns ?? []), ...(model.cache ?? [])];
  if (extra.length) blocks.push({ type: 'section', fields: extra.slice(0, 10).map(field) });
  for (const t of model.tables.filter((t) => t.rows.length).slice(0, 4)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(tableText(t), TEXT_MAX) } });
  }
  if (model.hints.length) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Ways to spend less*\n${model.hints.map((h) => `• ${s(h.text)}`).join('\n')}`, TEXT_MAX) } });
  }
  blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the dashboard' }, url: model.dashboardUrl }] });
  return { text: subject, blocks };
}

function field(f: ReportFigure): Record<string, unknown> {
  return { type: 'mrkdwn', text: `*${s(f.label)}*\n${formatFigure(f.value, f.format)} (${formatChange(f.value, f.previous, f.format)})` };
}

function tableText(t: ReportTable): string {
  const [first, second] = t.columns;
  const lines = t.rows.slice(0, 5).map((row) => {
    const name = row[first.key] == null || row[first.key] === '' ? '(none)' : String(row[first.key]);
    const value = second ? (second.format === 'text' ? String(row[second.key] ?? '') : formatFigure(row[second.key] as number | null, second.format)) : '';
    return `• ${s(name)}${value ? ` — ${s(value)}` : ''}`;
  });
  return `*${s(t.title)}*\n${lines.join('\n')}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
