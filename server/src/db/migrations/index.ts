import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_foundation } from './Migration20261123000000_foundation.js';
import { Migration20261123120317_audit_no_truncate } from './Migration20261123120317_audit_no_truncate.js';
import { Migration20261123124137_alerts } from './Migration20261123124137_alerts.js';
import { Migration20261123121500_demo_dataset } from './Migration20261123121500_demo_dataset.js';
import { Migration20261123125900_analytics_rollups } from './Migration20261123125900_analytics_rollups.js';
import { Migration20261123131000_analytics_presence } from './Migration20261123131000_analytics_presence.js';
import { Migration20261123210000_analytics_spans } from './Migration20261123210000_analytics_spans.js';
import { Migration20261123131500_analytics_histogram_day } from './Migration20261123131500_analytics_histogram_day.js';
import { Migration20261123124700_reports } from './Migration20261123124700_reports.js';
import { Migration20261123125300_live_batches } from './Migration20261123125300_live_batches.js';
import { Migration20261123200000_session_index } from './Migration20261123200000_session_index.js';
import { Migration20261123220000_rollup_pending } from './Migration20261123220000_rollup_pending.js';
import { Migration20261123230000_daily_users } from './Migration20261123230000_daily_users.js';
import { Migration20261123231000_week_cubes } from './Migration20261123231000_week_cubes.js';
import { Migration20261123232000_agent_model_week } from './Migration20261123232000_agent_model_week.js';
import { Migration20261124000000_summary_fillfactor } from './Migration20261124000000_summary_fillfactor.js';
import { Migration20261125000000_week_mark } from './Migration20261125000000_week_mark.js';

/**
 * Migrations are listed explicitly (not discovered by glob) so they load the same way under
 * swc, vitest and compiled JavaScript. Append new ones at the end.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123000000_foundation', class: Migration20261123000000_foundation },
  { name: 'Migration20261123121500_demo_dataset', class: Migration20261123121500_demo_dataset },
  { name: 'Migration20261123125900_analytics_rollups', class: Migration20261123125900_analytics_rollups },
  { name: 'Migration20261123131000_analytics_presence', class: Migration20261123131000_analytics_presence },
  { name: 'Migration20261123131500_analytics_histogram_day', class: Migration20261123131500_analytics_histogram_day },
  { name: 'Migration20261123120317_audit_no_truncate', class: Migration20261123120317_audit_no_truncate },
  { name: 'Migration20261123124700_reports', class: Migration20261123124700_reports },
  { name: 'Migration20261123125300_live_batches', class: Migration20261123125300_live_batches },
  { name: 'Migration20261123124137_alerts', class: Migration20261123124137_alerts },
  { name: 'Migration20261123210000_analytics_spans', class: Migration20261123210000_analytics_spans },
  { name: 'Migration20261123200000_session_index', class: Migration20261123200000_session_index },
  { name: 'Migration20261123220000_rollup_pending', class: Migration20261123220000_rollup_pending },
  { name: 'Migration20261123230000_daily_users', class: Migration20261123230000_daily_users },
  { name: 'Migration20261123231000_week_cubes', class: Migration20261123231000_week_cubes },
  { name: 'Migration20261123232000_agent_model_week', class: Migration20261123232000_agent_model_week },
  { name: 'Migration20261124000000_summary_fillfactor', class: Migration20261124000000_summary_fillfactor },
  { name: 'Migration20261125000000_week_mark', class: Migration20261125000000_week_mark },
];
