import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { expectNoSeriousA11yViolations, signInThroughForm, startDashboardServer, type TestServer } from './support/app';
import { generateEvents, ingestAll } from './support/dataset';

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  const key = await server.apiKey(['INGEST']);
  await ingestAll((batch: unknown[]) => server.ingest(batch, key), generateEvents({ now: new Date(), events: 800, days: 10, seed: 3 }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('report schedules', () => {
  it('validates fields, creates a schedule, previews its email and sends it now', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/schedules');
    await page.getByText('No report schedules yet.').waitFor();
    await page.getByRole('link', { name: 'New schedule' }).click();

    // Field-level messages before anything is sent.
    await page.getByLabel('Email recipients').fill('ops@acme.test, not-an-email');
    await page.getByLabel('Hour (0–23, local)').fill('25');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Give the schedule a name.').waitFor();
    await page.getByText('"not-an-email" is not an email address.').waitFor();
    await page.getByText('The hour must be between 0 and 23.').waitFor();
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Name').fill('Weekly cost report');
    await page.getByLabel('Email recipients').fill('ops@acme.test');
    await page.getByLabel('Hour (0–23, local)').fill('8');
    await page.getByRole('button', { name: 'Preview email' }).click();
    const subject = await page.getByTestId('preview-subject').textContent();
    expect(subject).toBeTruthy();
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await frame.locator('body').waitFor();
    expect(await page.getByTestId('preview-frame').getAttribute('sandbox')).toBe('');
    expect((await frame.locator('body').textContent())?.length).toBeGreaterThan(20);

    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/schedules\/\w+/);
    await screenshot(page, 'schedule-edit');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));

    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByTestId('run-row').first().waitFor({ timeout: 20_000 });
    // The status follows the run through reportRunUpdated, without a reload.
    await expect.poll(() => page.getByTestId('run-status').first().textContent(), { timeout: 30_000 }).toMatch(/^SENT/);
    expect(await page.getByTestId('run-row').first().textContent()).toContain('ops@acme.test');
    await page.getByRole('link', { name: '← All schedules' }).click();
    await page.getByTestId('schedule-row').getByRole('link', { name: 'Weekly cost report' }).waitFor();
    await page.getByTestId('run-row').first().waitFor();
    await screenshot(page, 'schedules');

    const token = await server.login();
    const data = await server.gqlData(`{ reportSchedules { name hour emailRecipients frequency } }`, {}, token);
    expect(data.reportSchedules).toEqual([{ name: 'Weekly cost report', hour: 8, emailRecipients: ['ops@acme.test'], frequency: 'WEEKLY' }]);
  });
});
