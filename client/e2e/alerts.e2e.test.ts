import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { expectNoSeriousA11yViolations, signInThroughForm, startDashboardServer, type TestServer } from './support/app';

let server: TestServer;
let browser: TestBrowser;
let admin: string;
let ingestKey: string;
let seq = 0;

/** Events a few minutes ago: inside the rolling window the next evaluation minute looks at. */
function recentEvents(n: number, extra: Record<string, unknown>) {
  return Array.from({ length: n }, (_, i) => ({
    id: `alert-${++seq}`,
    timestamp: new Date(Date.now() - 120_000 - i * 1000).toISOString(),
    model: 'gpt-4o-mini',
    inputTokens: 100,
    outputTokens: 20,
    costUsd: 0.5,
    ...extra,
  }));
}
const gqlOk = async (query: string, variables: Record<string, unknown> = {}) => server.gqlData(query, variables, admin);

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  admin = await server.login();
  ingestKey = await server.apiKey(['INGEST']);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the alerts page', () => {
  it('shows a rule firing as soon as it is evaluated, and budgets with their projection', async () => {
    await gqlOk(`mutation { createAlertRule(input: { name: "Errors in prod", metric: ERROR_RATE, windowMinutes: 15, threshold: 0.1, minRequests: 10 }) { id } }`);
    await gqlOk(`mutation { createAlertRule(input: { name: "Monthly AI budget", metric: COST, budgetPeriod: MONTH, threshold: 100, forecast: true }) { id } }`);
    await server.ingest([...recentEvents(20, { status: 500 }), ...recentEvents(20, { status: 200 })], ingestKey);

    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/alerts');
    await page.getByTestId('rule-row').nth(1).waitFor();
    expect(await page.getByTestId('firing-count').textContent()).toBe('0');
    await expect.poll(async () => (await page.getByTestId('budget-spent').textContent())?.trim()).toBe('$20.00');

    // The evaluation job's minute comes: the page hears it over alertFired and shows the alert.
    await server.server.services.alerts.tick();
    await page.getByTestId('firing-row').first().waitFor({ timeout: 15_000 });
    const firing = await page.getByTestId('firing-row').allTextContents();
    expect(firing.join(' ')).toContain('Errors in prod');
    expect(firing.join(' ')).toContain('50.0%');
    await expect.poll(async () => page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'alerts');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });

  it('lets an admin create a rule through the form, naming a bad field', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/alerts');
    await page.getByRole('heading', { name: 'Rules' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Latency watch');
    await page.getByLabel('Metric').selectOption('LATENCY_P95');
    await page.getByLabel('Minutes (5–1440)').fill('3');
    await page.getByLabel('Threshold (ms)').fill('4000');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect.poll(async () => page.getByRole('alert').textContent()).toContain('windowMinutes');
    await page.getByLabel('Minutes (5–1440)').fill('15');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect.poll(async () => (await page.getByTestId('rule-row').allTextContents()).join(' ')).toContain('p95 latency ≥ 4.00 s over 15 min');
  });
});
