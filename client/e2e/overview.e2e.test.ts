import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { expectNoSeriousA11yViolations, signInThroughForm, startDashboardServer, type TestServer } from './support/app';
import { generateEvents, ingestAll } from './support/dataset';

let server: TestServer;
let browser: TestBrowser;
let token: string;

const TOTALS = `query($filter: UsageFilter) { usage(filter: $filter) { totals { requests costUsd errorRate activeUsers sessions threats latencyP95Ms costNotSupportedRequests } } }`;
async function apiTotals(filter: Record<string, unknown>) {
  const data = await server.gqlData(TOTALS, { filter }, token);
  return data.usage.totals as Record<string, number>;
}
async function tileRaw(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`kpi-${id}`).getAttribute('data-raw'));
}
/** Waits until the tiles show the figures of the current URL (no request in flight). */
async function settled(page: Page) {
  await page.getByTestId('kpi-requests').waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  token = await server.login();
  await server.gqlData(`mutation { createSubAccount(input: { externalId: "acme-eu", name: "Acme EU" }) { id } }`, {}, token);
  const key = await server.apiKey(['INGEST']);
  await ingestAll((batch: unknown[]) => server.ingest(batch, key), generateEvents({ now: new Date(), events: 3000, days: 20, subAccountId: 'acme-eu' }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the overview', () => {
  it('shows tiles equal to the API figures, the charts, breakdowns and the unpriced notice', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url);
    await settled(page);
    const api = await apiTotals({ timeframe: 'LAST_7_DAYS' });
    expect(api.requests).toBeGreaterThan(0);
    expect(await tileRaw(page, 'requests')).toBe(api.requests);
    expect(await tileRaw(page, 'costUsd')).toBeCloseTo(api.costUsd, 9);
    expect(await tileRaw(page, 'errorRate')).toBeCloseTo(api.errorRate, 9);
    expect(await tileRaw(page, 'activeUsers')).toBe(api.activeUsers);
    expect(await tileRaw(page, 'sessions')).toBe(api.sessions);
    expect(await tileRaw(page, 'latencyP95Ms')).toBeCloseTo(api.latencyP95Ms, 6);
    expect(await page.getByTestId('unpriced-notice').textContent()).toContain(String(api.costNotSupportedRequests));
    await page.getByRole('img', { name: 'Cost share by model' }).waitFor();
    await page.getByRole('button', { name: 'gpt-4o-mini' }).first().waitFor();
    await screenshot(page, 'overview');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });

  it('puts the timeframe and filters in the URL, updates the figures, and restores them on back', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url);
    await settled(page);
    const week = await tileRaw(page, 'requests');

    await page.getByTestId('timeframe').selectOption('LAST_30_DAYS');
    await expect.poll(() => new URL(page.url()).searchParams.get('timeframe')).toBe('LAST_30_DAYS');
    await settled(page);
    const month = await apiTotals({ timeframe: 'LAST_30_DAYS' });
    await expect.poll(() => tileRaw(page, 'requests')).toBe(month.requests);
    expect(month.requests).toBeGreaterThan(week);

    await page.getByRole('button', { name: /More filters/ }).click();
    await page.getByTestId('filter-models').fill('gpt-4o');
    await page.getByTestId('filter-models').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('models')).toEqual(['gpt-4o']);
    const filtered = await apiTotals({ timeframe: 'LAST_30_DAYS', models: ['gpt-4o'] });
    await expect.poll(() => tileRaw(page, 'requests')).toBe(filtered.requests);
    expect(filtered.requests).toBeLessThan(month.requests);

    // A reload keeps the view; back and forward move through the filter history.
    await page.reload();
    await settled(page);
    expect(await tileRaw(page, 'requests')).toBe(filtered.requests);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('models')).toBeNull();
    await expect.poll(() => tileRaw(page, 'requests')).toBe(month.requests);
    await page.goForward();
    await expect.poll(() => tileRaw(page, 'requests')).toBe(filtered.requests);
  });

  it('breaks usage down by a custom property the user names, as the API does', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url);
    await settled(page);
    await page.getByLabel('Property key').fill('environment');
    await page.getByRole('button', { name: 'Show' }).click();
    const bars = page.getByRole('list', { name: 'By environment' });
    await bars.waitFor();
    const data = await server.gqlData(
      `query($f: UsageFilter) { usage(filter: $f) { breakdown(by: PROPERTY, propertyKey: "environment", limit: 8) { key requests } } }`,
      { f: { timeframe: 'LAST_7_DAYS' } },
      token,
    );
    const rows = data.usage.breakdown as { key: string; requests: number }[];
    expect(rows.map((r) => r.key)).toContain('production');
    const items = await bars.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(rows.length);
    for (const [i, r] of rows.entries()) expect(items[i]).toContain(r.key === '(none)' ? 'None' : r.key);
    // Choosing a value narrows every panel to it.
    await bars.getByRole('button', { name: 'production' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.toString()).toContain('environment');
  });

  it('is usable at 390 px wide', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await signInThroughForm(page, server.url);
    await settled(page);
    await screenshot(page, 'overview-390');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

describe('the sessions, agents and prompts & tools pages', () => {
  it('shows session figures equal to the API', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/sessions');
    await page.getByTestId('figure-sessions').waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const api = await apiTotals({ timeframe: 'LAST_7_DAYS' });
    expect(await page.getByTestId('figure-sessions').locator('dd').textContent()).toBe(String(api.sessions));
    await page.getByRole('heading', { name: 'Sessions by feature' }).waitFor();
    await screenshot(page, 'sessions');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });

  it('lists agents with runs and success rate', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/agents');
    await page.getByRole('cell', { name: 'Research assistant' }).waitFor();
    await page.getByTestId('figure-agentSuccessRate').waitFor();
    await screenshot(page, 'agents');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });

  it('lists the top prompts and tools', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/prompts-tools');
    await page.getByRole('cell', { name: 'refund-policy-v3' }).waitFor();
    await page.getByRole('cell', { name: 'search_kb' }).waitFor();
    await screenshot(page, 'prompts-tools');
  });
});
