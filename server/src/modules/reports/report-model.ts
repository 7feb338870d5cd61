import type { FigureFormat } from '../../emails/format.js';
import type { Frequency, Period } from './periods.js';
import type { ReportSectionName } from './sections.js';

/**
 * What a report says, independent of how it is shown: the MJML email, its plain-text part and
 * the Slack message are three renderings of one ReportModel, so they cannot disagree.
 */
export interface ReportFigure {
  /** Stable key; the email tags the value with the css-class `figure-<key>`. */
  key: string;
  label: string;
  value: number | null;
  /** The same figure over the previous period. */
  previous: number | null;
  format: FigureFormat;
  /** Which way is good news, to colour the change. */
  better: 'up' | 'down' | 'none';
}

export interface ReportColumn {
  key: string;
  label: string;
  format: FigureFormat | 'text';
}

export type ReportCell = string | number | null;

export interface ReportTable {
  section: ReportSectionName;
  /** Stable key; each cell is tagged `<key>-<column>` in the email. */
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  /** The dashboard page showing the same data with the same filter. */
  link: string | null;
  empty: string;
}

export interface ReportHint {
  key: string;
  text: string;
}

export interface ReportModel {
  title: string;
  organizationName: string;
  frequency: Frequency;
  timezone: string;
  period: Period;
  previousPeriod: Period;
  periodLabel: string;
  /** The overview page of the dashboard over the report's period and filter. */
  dashboardUrl: string;
  /** The filter beyond the period, in words ("Models: gpt-4o"), empty when unfiltered. */
  filterSummary: string[];
  summary: ReportFigure[];
  /** Agent runs and their success rate (section AGENT_RUNS), or null when not included. */
  agentRuns: ReportFigure[] | null;
  /** Cache hits and savings (section CACHE), or null when not included. */
  cache: ReportFigure[] | null;
  tables: ReportTable[];
  /** Requests whose model had no known price: their cost is unknown, not zero. */
  unpricedRequests: number;
  hints: ReportHint[];
}
