import { escapeHtml as e, escapeSlack as sl } from '../../../emails/escape.js';
import { renderMjml } from '../../../emails/render.js';
import { alertSubject, spanPhrase, transitionLine } from './describe.js';
import type { NotificationSnapshot } from './snapshot.js';

export interface RenderedAlert {
  subject: string;
  html: string;
  text: string;
  slack: Record<string, unknown>;
}

const TEXT_MAX = 2900;

/** Every rendering of one notification: MJML email, its text part, and a Slack Block Kit message. */
export async function renderAlert(s: NotificationSnapshot, dashboardUrl: string): Promise<RenderedAlert> {
  const subject = alertSubject(s);
  const lines = s.transitions.map((t) => transitionLine(s, t));
  return { subject, html: await renderMjml(alertMjml(s, subject, lines, dashboardUrl)), text: alertText(s, subject, lines, dashboardUrl), slack: alertSlack(s, subject, lines, dashboardUrl) };
}

function alertText(s: NotificationSnapshot, subject: string, lines: string[], url: string): string {
  return [subject, '', `${s.organizationName} · rule “${s.rule.name}” · ${spanPhrase(s.rule)} · ${s.at}`, '', ...lines.map((l) => `- ${l}`), '', `Alerts: ${url}`].join('\n');
}

/** Colours and fonts in mj-attributes; each transition line carries css-class `alert-line` (and `alert-fired` / `alert-resolved`). */
function alertMjml(s: NotificationSnapshot, subject: string, lines: string[], url: string): string {
  const items = s.transitions
    .map((t, i) => `<mj-text mj-class="${t.change === 'FIRED' ? 'fired' : 'resolved'}" css-class="alert-line alert-${t.change.toLowerCase()}">${e(lines[i])}</mj-text>`)
    .join('\n        ');
  return `<mjml>
  <mj-head>
    <mj-title>${e(subject)}</mj-title>
    <mj-preview>${e(lines[0] ?? subject)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" />
      <mj-body background-color="#f3f4f6" width="640px" />
      <mj-section background-color="#ffffff" padding="8px 16px" />
      <mj-text font-size="14px" line-height="20px" color="#111827" padding="4px 8px" />
      <mj-button background-color="#4f46e5" color="#ffffff" font-size="14px" border-radius="6px" padding="12px 8px" />
      <mj-class name="title" font-size="20px" line-height="26px" font-weight="700" />
      <mj-class name="muted" font-size="12px" line-height="16px" color="#6b7280" />
      <mj-class name="fired" color="#b91c1c" />
      <mj-class name="resolved" color="#047857" />
    </mj-attributes>
  </mj-head>
  <mj-body>
    <mj-section padding-top="24px">
      <mj-column>
        <mj-text mj-class="muted" css-class="alert-organization">${e(s.organizationName)}</mj-text>
        <mj-text mj-class="title" css-class="alert-title">${e(s.rule.name)}</mj-text>
        ${items}
      </mj-column>
    </mj-section>
    <mj-section padding-bottom="24px">
      <mj-column>
        <mj-button href="${e(url)}" css-class="alerts-link">Open alerts in the dashboard</mj-button>
        <mj-text mj-class="muted" align="center">Sent by Tokentally for the alert rule “${e(s.rule.name)}” at ${e(s.at)}.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

function alertSlack(s: NotificationSnapshot, subject: string, lines: string[], url: string): Record<string, unknown> {
  let body = lines.map((l) => `• ${sl(l)}`).join('\n');
  if (body.length > TEXT_MAX) body = `${body.slice(0, TEXT_MAX - 1)}…`;
  return {
    text: subject,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: subject.length > 150 ? `${subject.slice(0, 149)}…` : subject, emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: sl(`${s.organizationName} · rule “${s.rule.name}” · ${spanPhrase(s.rule)}`) }] },
      { type: 'section', text: { type: 'mrkdwn', text: body } },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open alerts' }, url }] },
    ],
  };
}
