import type { ReportFigure, ReportModel, ReportTable } from '../modules/reports/report-model.js';
import { escapeHtml as e } from './escape.js';
import { formatChange, formatFigure, type FigureFormat } from './format.js';

/**
 * The report email as MJML. Colours and type of the components live in mj-attributes; the raw
 * HTML inside them (table cells, the lines of a figure) takes its styles from CELL. Every value a
 * test or a reader may look for carries a css-class: `figure-<key>` (with `previous-<key>` and
 * `change-<key>`) for headline figures and `<table>-<column>` for table cells. Every string that
 * came from a user or an event passes through escapeHtml.
 */
export function reportMjml(model: ReportModel, subject: string): string {
  return `<mjml>
  <mj-head>
    <mj-title>${e(subject)}</mj-title>
    <mj-preview>${e(previewLine(model))}</mj-preview>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" />
      <mj-body background-color="#f3f4f6" width="640px" />
      <mj-section background-color="#ffffff" padding="8px 16px" />
      <mj-column padding="4px" />
      <mj-text font-size="14px" line-height="20px" color="#111827" padding="2px 8px" />
      <mj-table font-size="13px" line-height="18px" color="#111827" cellpadding="4px" padding="4px 8px" />
      <mj-button background-color="#4f46e5" color="#ffffff" font-size="14px" border-radius="6px" padding="12px 8px" />
      <mj-divider border-color="#e5e7eb" border-width="1px" padding="8px" />
      <mj-class name="title" font-size="22px" line-height="28px" font-weight="700" />
      <mj-class name="heading" font-size="16px" line-height="22px" font-weight="700" padding-top="8px" />
      <mj-class name="muted" font-size="12px" line-height="16px" color="#6b7280" />
      <mj-class name="notice" background-color="#fffbeb" />
    </mj-attributes>
  </mj-head>
  <mj-body>
    <mj-section padding-top="24px">
      <mj-column>
        <mj-text mj-class="muted" css-class="report-organization">${e(model.organizationName)}</mj-text>
        <mj-text mj-class="title" css-class="report-title">${e(model.title)}</mj-text>
        <mj-text mj-class="muted" css-class="report-period">${e(model.periodLabel)} (${e(model.timezone)}), compared with the period before</mj-text>
        ${model.filterSummary.length ? `<mj-text mj-class="muted" css-class="report-filter">${model.filterSummary.map(e).join(' · ')}</mj-text>` : ''}
      </mj-column>
    </mj-section>
${figureRows(model.summary)}
${model.unpricedRequests > 0 ? unpricedNotice(model.unpricedRequests) : ''}
${model.agentRuns ? `${headingSection('Agent runs', 'section-agent-runs')}\n${figureRows(model.agentRuns)}` : ''}
${model.cache ? `${headingSection('Cache', 'section-cache')}\n${figureRows(model.cache)}` : ''}
${model.tables.map(tableSection).join('\n')}
${model.hints.length ? hintsSection(model) : ''}
    <mj-section padding-bottom="24px">
      <mj-column>
        <mj-button href="${e(model.dashboardUrl)}" css-class="dashboard-link">Open the dashboard with this filter</mj-button>
        <mj-text mj-class="muted" align="center">Sent by Tokentally for the schedule “${e(model.title)}”. Figures in US dollars; rates are shares of requests.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

function previewLine(model: ReportModel): string {
  const cost = model.summary.find((f) => f.key === 'total-cost');
  return cost ? `${formatFigure(cost.value, 'usd')} spent, ${formatChange(cost.value, cost.previous, 'usd')} on the period before` : model.periodLabel;
}

function headingSection(title: string, cssClass: string): string {
  return `    <mj-section padding-bottom="0"><mj-column><mj-divider /><mj-text mj-class="heading" css-class="${cssClass}">${e(title)}</mj-text></mj-column></mj-section>`;
}

/** Figures four to a row; MJML stacks the columns on narrow screens. */
function figureRows(figures: ReportFigure[]): string {
  const rows: string[] = [];
  for (let i = 0; i < figures.length; i += 4) {
    const chunk = figures.slice(i, i + 4);
    rows.push(`    <mj-section>
${chunk.map(figureColumn).join('\n')}
    </mj-section>`);
  }
  return rows.join('\n');
}

/**
 * One mj-text per figure (label, value, change, previous as lines inside it): MJML's cost grows
 * with its component count, and four components per figure made rendering several times slower.
 */
function figureColumn(f: ReportFigure): string {
  return `      <mj-column width="25%">
        <mj-text css-class="figure-box-${f.key}">
          <div style="${CELL.label}">${e(f.label)}</div>
          <div class="figure-${f.key}" style="${CELL.value}">${e(formatFigure(f.value, f.format))}</div>
          <div class="change-${f.key}" style="${CELL[tone(f)]}">${e(formatChange(f.value, f.previous, f.format))}</div>
          <div class="previous-${f.key}" style="${CELL.label}">was ${e(formatFigure(f.previous, f.format))}</div>
        </mj-text>
      </mj-column>`;
}

function tone(f: ReportFigure): 'good' | 'bad' | 'neutral' {
  if (f.value == null || f.previous == null || f.value === f.previous || f.better === 'none') return 'neutral';
  return (f.value > f.previous) === (f.better === 'up') ? 'good' : 'bad';
}

/**
 * Styles of the raw HTML MJML passes through (table cells, lines inside a figure). Written inline
 * here rather than in an inlined mj-style: CSS inlining (juice) doubled the rendering time.
 */
const CELL = {
  th: 'text-align:left;color:#6b7280;font-weight:600;border-bottom:1px solid #e5e7eb;',
  thNum: 'text-align:right;color:#6b7280;font-weight:600;border-bottom:1px solid #e5e7eb;',
  td: 'border-bottom:1px solid #f3f4f6;',
  tdNum: 'border-bottom:1px solid #f3f4f6;text-align:right;white-space:nowrap;',
  label: 'font-size:12px;line-height:16px;color:#6b7280;',
  value: 'font-size:20px;line-height:26px;font-weight:700;',
  good: 'font-size:12px;line-height:16px;color:#047857;',
  bad: 'font-size:12px;line-height:16px;color:#b91c1c;',
  neutral: 'font-size:12px;line-height:16px;color:#6b7280;',
} as const;

function unpricedNotice(count: number): string {
  return `    <mj-section mj-class="notice">
      <mj-column>
        <mj-text css-class="notice-unpriced">⚠ <span class="figure-unpriced-requests">${e(formatFigure(count, 'count'))}</span> request${count === 1 ? '' : 's'} used a model with no known price. Their cost is unknown and not included above; add a price override to count them.</mj-text>
      </mj-column>
    </mj-section>`;
}

function tableSection(t: ReportTable): string {
  const head = t.columns.map((c) => `<th style="${isNumeric(c.format) ? CELL.thNum : CELL.th}">${e(c.label)}</th>`).join('');
  const body = t.rows.length
    ? t.rows
        .map((row) => `<tr class="${t.key}-row">${t.columns.map((c) => `<td class="${t.key}-${c.key}" style="${isNumeric(c.format) ? CELL.tdNum : CELL.td}">${e(cell(row[c.key], c.format))}</td>`).join('')}</tr>`)
        .join('\n')
    : `<tr><td class="${t.key}-empty" colspan="${t.columns.length}" style="${CELL.td}">${e(t.empty)}</td></tr>`;
  // Heading, table and link in one section: fewer MJML components render faster.
  return `    <mj-section>
      <mj-column>
        <mj-divider />
        <mj-text mj-class="heading" css-class="section-${t.key}">${e(t.title)}</mj-text>
        <mj-table css-class="table-${t.key}">
          <tr>${head}</tr>
${body}
        </mj-table>
        ${t.link ? `<mj-text mj-class="muted" align="right"><a href="${e(t.link)}" class="link-${t.key}">See all in the dashboard →</a></mj-text>` : ''}
      </mj-column>
    </mj-section>`;
}

function hintsSection(model: ReportModel): string {
  return `${headingSection('Ways to spend less', 'section-hints')}
    <mj-section padding-top="0">
      <mj-column>
${model.hints.map((h) => `        <mj-text css-class="hint hint-${h.key}">• ${e(h.text)}</mj-text>`).join('\n')}
      </mj-column>
    </mj-section>`;
}

const isNumeric = (f: FigureFormat | 'text') => f !== 'text';

function cell(v: string | number | null | undefined, format: FigureFormat | 'text'): string {
  if (format === 'text') return v == null || v === '' ? '(none)' : String(v);
  return formatFigure(typeof v === 'number' ? v : v == null ? null : Number(v), format);
}
