import { describe, expect, it } from 'vitest';
import { csvHeader, REPORT_PAGES, screaming } from './report-pages';

describe('report pages', () => {
  it('have the contract columns, in order, as the CSV header', () => {
    expect(csvHeader(REPORT_PAGES.agents)).toBe(
      'agent_name,agent_id,model_used,agent_type,total_runs,total_sessions,avg_runs_per_session,credits_consumed,input_tokens_total,output_tokens_total,avg_latency_ms,p95_latency_ms,error_rate,cost_usd',
    );
    expect(csvHeader(REPORT_PAGES.users)).toBe('user_email,role,user_id,total_runs,agents_created,credits_consumed,input_tokens_total,output_tokens_total,cost_usd,requests,last_active');
    expect(csvHeader(REPORT_PAGES.models)).toBe('model,provider,requests,cost_usd,cost_share,input_tokens_total,output_tokens_total,avg_latency_ms,p95_latency_ms,error_rate,cost_per_request');
    expect(csvHeader(REPORT_PAGES['sub-accounts'])).toBe('sub_account_id,sub_account_name,requests,cost_usd,credits_consumed,input_tokens_total,output_tokens_total,active_users,error_rate');
  });

  it('sorts numeric columns by their SCREAMING_CASE order field', () => {
    expect(screaming('p95LatencyMs')).toBe('P95_LATENCY_MS');
    expect(REPORT_PAGES.agents.columns.find((c) => c.key === 'costUsd')).toMatchObject({ sortable: true, sortField: 'COST_USD' });
    expect(REPORT_PAGES.agents.columns.find((c) => c.key === 'agentName')?.sortable).toBeFalsy();
  });

  it('needs the per-user export permission only for the users report', () => {
    expect(Object.values(REPORT_PAGES).filter((p) => p.exportPermission === 'export-per-user').map((p) => p.name)).toEqual(['users']);
  });
});
