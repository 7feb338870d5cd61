import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { expectNoSeriousA11yViolations, signInThroughForm, startDashboardServer, type TestServer } from './support/app';

let server: TestServer;
let browser: TestBrowser;
let ingestKey: string;
let seq = 0;

/** Events that happen now, so they fall in the live window. */
function freshEvents(n: number, model = 'gpt-4o-mini') {
  return Array.from({ length: n }, () => ({
    id: `live-${++seq}`,
    timestamp: new Date().toISOString(),
    model,
    inputTokens: 100,
    outputTokens: 20,
    latencyMs: 500,
    userId: `u-${seq % 3}`,
  }));
}
async function liveRaw(page: Page, id: string) {
  return Number(await page.getByTestId(`live-${id}`).getAttribute('data-raw'));
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  ingestKey = await server.apiKey(['INGEST']);
  await server.ingest(freshEvents(4), ingestKey);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('live figures', () => {
  it('updates a live tile on the overview after events are ingested', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url);
    await page.getByTestId('live-requests').waitFor();
    const before = await liveRaw(page, 'requests');
    expect(before).toBeGreaterThanOrEqual(4);
    expect((await server.ingest(freshEvents(5), ingestKey)).status).toBe(200);
    await expect.poll(() => liveRaw(page, 'requests'), { timeout: 15_000 }).toBe(before + 5);
  });

  it('tails events on the Live page, with pause, resume and a filter', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/live');
    await page.getByTestId('live-requests').waitFor();
    await page.getByText('Waiting for events').waitFor();
    await server.ingest(freshEvents(3), ingestKey);
    await expect.poll(() => page.getByTestId('tail-row').count(), { timeout: 15_000 }).toBe(3);

    await page.getByTestId('pause').click();
    await server.ingest(freshEvents(2, 'claude-3-5-sonnet-20241022'), ingestKey);
    await page.getByRole('button', { name: 'Resume (2 new)' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('tail-row').count()).toBe(3);
    await page.getByRole('button', { name: /Resume/ }).click();
    await expect.poll(() => page.getByTestId('tail-row').count()).toBe(5);

    await page.getByLabel('Show only events containing').fill('claude');
    await expect.poll(() => page.getByTestId('tail-row').count()).toBe(2);
    await screenshot(page, 'live');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });

  it('narrows the tail with the filter bar (server-side)', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/live?models=gpt-4o');
    await page.getByText('Waiting for events').waitFor();
    // The live subscription is set up on the server before events are sent.
    await page.getByTestId('live-requests').waitFor();
    await server.ingest([...freshEvents(2, 'gpt-4o-mini'), ...freshEvents(1, 'gpt-4o')], ingestKey);
    await expect.poll(() => page.getByTestId('tail-row').count(), { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('tail-row').count()).toBe(1);
  });
});
