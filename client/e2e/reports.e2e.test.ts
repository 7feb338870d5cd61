import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { createMember, expectNoSeriousA11yViolations, signInThroughForm, startDashboardServer, type TestServer } from './support/app';
import { generateEvents, ingestAll } from './support/dataset';

let server: TestServer;
let browser: TestBrowser;
let token: string;

async function tableColumn(page: Page, key: string): Promise<string[]> {
  return page.locator(`tbody td[data-col="${key}"]`).allTextContents();
}
async function settled(page: Page) {
  await page.locator('tbody tr').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}
/** Parses simple RFC 4180 CSV (quoted fields may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  token = await server.login();
  await server.gqlData(`mutation { createSubAccount(input: { externalId: "acme-eu", name: "Acme EU" }) { id } }`, {}, token);
  const key = await server.apiKey(['INGEST']);
  await ingestAll((batch: unknown[]) => server.ingest(batch, key), generateEvents({ now: new Date(), events: 2000, days: 10, subAccountId: 'acme-eu', seed: 7 }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the report pages', () => {
  it('lists the API rows, sorts by a column through the URL, and downloads exactly the table as CSV', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/reports/models');
    await settled(page);
    const api = await server.gqlData(`{ usageByModel(limit: 100) { total rows { model requests } } }`, {}, token);
    expect(await tableColumn(page, 'model')).toEqual(api.usageByModel.rows.map((r: { model: string }) => r.model));

    await page.getByRole('button', { name: 'Requests' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('orderBy')).toBe('REQUESTS');
    await settled(page);
    const byRequests = await server.gqlData(`{ usageByModel(limit: 100, orderBy: { field: REQUESTS, direction: DESC }) { rows { model requests } } }`, {}, token);
    await expect.poll(() => tableColumn(page, 'model')).toEqual(byRequests.usageByModel.rows.map((r: { model: string }) => r.model));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Requests');
    await screenshot(page, 'reports-models');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('usage-by-model.csv');
    const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(csv[0]!.join(',')).toBe('model,provider,requests,cost_usd,cost_share,input_tokens_total,output_tokens_total,avg_latency_ms,p95_latency_ms,error_rate,cost_per_request');
    expect(csv.slice(1).map((r) => r[0])).toEqual(await tableColumn(page, 'model'));
    expect(csv.slice(1).map((r) => Number(r[2]))).toEqual(byRequests.usageByModel.rows.map((r: { requests: number }) => r.requests));
  });

  it('applies the filter to the table and to the CSV', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/reports/agents?timeframe=LAST_30_DAYS&models=gpt-4o-mini');
    await settled(page);
    const api = await server.gqlData(`{ usageByAgent(filter: { timeframe: LAST_30_DAYS, models: ["gpt-4o-mini"] }) { rows { agentId totalRuns } } }`, {}, token);
    expect(await tableColumn(page, 'agentId')).toEqual(api.usageByAgent.rows.map((r: { agentId: string | null }) => r.agentId ?? '–'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(csv[0]!.join(',')).toBe('agent_name,agent_id,model_used,agent_type,total_runs,total_sessions,avg_runs_per_session,credits_consumed,input_tokens_total,output_tokens_total,avg_latency_ms,p95_latency_ms,error_rate,cost_usd');
    expect(csv.slice(1).map((r) => r[4])).toEqual(api.usageByAgent.rows.map((r: { totalRuns: number }) => String(r.totalRuns)));
    await screenshot(page, 'reports-agents');
  });

  it('shows every report tab', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/reports/users');
    await settled(page);
    expect(await tableColumn(page, 'userEmail')).toContain('user1@example.test');
    await screenshot(page, 'reports-users');
    await page.getByRole('link', { name: 'By sub-account' }).click();
    await page.getByRole('cell', { name: 'Acme EU' }).waitFor();
    await screenshot(page, 'reports-sub-accounts');
  });

  it('offers viewers no per-user export, and the server refuses it too', async () => {
    const password = await createMember(server, 'viewer@test.local', 'VIEWER');
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, 'viewer@test.local', password, '/reports/users');
    await settled(page);
    expect(await page.getByRole('button', { name: 'Download CSV' }).count()).toBe(0);
    const viewerToken = await server.login('viewer@test.local', password);
    const res = await fetch(`${server.url}/v1/reports/usage-by-user.csv`, { headers: { authorization: `Bearer ${viewerToken}` } });
    expect(res.status).toBe(403);
    // Other reports stay exportable for viewers.
    await page.getByRole('link', { name: 'By model' }).click();
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();
  });
});
