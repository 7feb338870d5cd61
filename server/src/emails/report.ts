import type { ReportModel } from '../modules/reports/report-model.js';
import { formatChange, formatUsd } from './format.js';
import { renderMjml } from './render.js';
import { reportMjml } from './report.mjml.js';
import { reportSlack } from './report.slack.js';
import { reportText } from './report.text.js';

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  slack: Record<string, unknown>;
}

/** The subject line: what was spent and how that compares, so the inbox alone tells the story. */
export function reportSubject(model: ReportModel): string {
  const cost = model.summary.find((f) => f.key === 'total-cost');
  const spend = cost ? `: ${formatUsd(cost.value)} (${formatChange(cost.value, cost.previous, 'usd')})` : '';
  return `${model.title} · ${model.periodLabel}${spend}`;
}

/** Every rendering of one report: email HTML (MJML), its plain-text part and the Slack message. */
export async function renderReport(model: ReportModel): Promise<RenderedMessage> {
  const subject = reportSubject(model);
  return { subject, html: await renderMjml(reportMjml(model, subject)), text: reportText(model), slack: reportSlack(model, subject) };
}
