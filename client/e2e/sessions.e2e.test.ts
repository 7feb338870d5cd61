import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatDuration, formatInteger, formatUsd } from '../src/lib/format';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { expectNoSeriousA11yViolations, signInThroughForm, startDashboardServer, type TestServer } from './support/app';
import { generateEvents, ingestAll } from './support/dataset';

let server: TestServer;
let browser: TestBrowser;
let token: string;

const ROW = 'sessionId sessionName userId agentId durationMs requests errors costUsd totalTokens';
const cells = (scope: Locator, key: string) => scope.locator(`tbody td[data-col="${key}"]`).allTextContents();
const list = (page: Page) => page.locator('section[aria-labelledby="session-list"]');
async function settled(page: Page, scope: Locator) {
  await scope.locator('tbody tr').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}
/** A session row as the table shows it. */
const shown = (r: any) => ({ sessionId: r.sessionName ?? r.sessionId, durationMs: formatDuration(r.durationMs), requests: formatInteger(r.requests), errors: formatInteger(r.errors), totalTokens: formatInteger(r.totalTokens), costUsd: formatUsd(r.costUsd) });
async function firstRow(scope: Locator) {
  const out: Record<string, string> = {};
  for (const key of ['sessionId', 'durationMs', 'requests', 'errors', 'totalTokens', 'costUsd']) out[key] = (await cells(scope, key))[0]!.trim();
  return out;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  token = await server.login();
  await server.gqlData(`mutation { createSubAccount(input: { externalId: "acme-eu", name: "Acme EU" }) { id } }`, {}, token);
  const key = await server.apiKey(['INGEST']);
  await ingestAll((batch: unknown[]) => server.ingest(batch, key), generateEvents({ now: new Date(), events: 2000, days: 10, subAccountId: 'acme-eu', seed: 3 }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the sessions list and a session', () => {
  it('lists the sessions last active first with the API’s figures, and sorts by cost through the URL', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/sessions');
    await settled(page, list(page));
    const api = (await server.gqlData(`{ sessions(limit: 25) { total rows { ${ROW} } } }`, {}, token)).sessions;
    expect(api.total).toBeGreaterThan(25);
    expect(await firstRow(list(page))).toEqual(shown(api.rows[0]));
    expect(await cells(list(page), 'requests')).toEqual(api.rows.map((r: any) => formatInteger(r.requests)));
    expect(await page.getByTestId('session-total').textContent()).toBe(`${formatInteger(api.total)} sessions`);

    await list(page).getByRole('button', { name: 'Cost' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('orderBy')).toBe('COST_USD');
    const byCost = (await server.gqlData(`{ sessions(limit: 25, orderBy: { field: COST_USD }) { rows { ${ROW} } } }`, {}, token)).sessions;
    await expect.poll(() => cells(list(page), 'costUsd')).toEqual(byCost.rows.map((r: any) => formatUsd(r.costUsd)));
    expect(await firstRow(list(page))).toEqual(shown(byCost.rows[0]));

    await list(page).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    const second = (await server.gqlData(`{ sessions(limit: 25, offset: 25, orderBy: { field: COST_USD }) { rows { ${ROW} } } }`, {}, token)).sessions;
    await expect.poll(() => cells(list(page), 'costUsd')).toEqual(second.rows.map((r: any) => formatUsd(r.costUsd)));
    await screenshot(page, 'sessions-list');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });

  it('opens a session with its figures and its requests oldest first, keeping the filter in the URL', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/sessions?timeframe=LAST_30_DAYS');
    await settled(page, list(page));
    const top = (await server.gqlData(`{ sessions(limit: 1, filter: { timeframe: LAST_30_DAYS }) { rows { sessionId } } }`, {}, token)).sessions.rows[0];
    await list(page).locator('tbody td[data-col="sessionId"] a').first().click();
    await page.waitForURL((url) => url.pathname === `/sessions/${encodeURIComponent(top.sessionId)}` && url.searchParams.get('timeframe') === 'LAST_30_DAYS');
    const events = page.locator('section[aria-labelledby="session-events"]');
    await settled(page, events);

    const api = (
      await server.gqlData(
        `query($id: String!) { session(id: $id, filter: { timeframe: LAST_30_DAYS }) { ${ROW} events { eventId model } } }`,
        { id: top.sessionId },
        token,
      )
    ).session;
    expect(await page.getByTestId('session-cost').locator('dd').textContent()).toBe(formatUsd(api.costUsd));
    expect(await page.getByTestId('session-requests').locator('dd').textContent()).toBe(formatInteger(api.requests));
    expect(await page.getByTestId('session-duration').locator('dd').textContent()).toBe(formatDuration(api.durationMs));
    expect(await page.getByTestId('session-tokens').locator('dd').textContent()).toBe(formatInteger(api.totalTokens));
    expect(await cells(events, 'model')).toEqual(api.events.map((e: any) => e.model));
    await screenshot(page, 'session');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));

    await page.getByRole('link', { name: '← All sessions' }).click();
    await page.waitForURL((url) => url.pathname === '/sessions' && url.searchParams.get('timeframe') === 'LAST_30_DAYS');
  });

  it('says so for a session that is not in view', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/sessions/no-such-session');
    await page.getByText('This session has no requests in this range and filter.').waitFor();
  });
});
