import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { createMember, expectNoSeriousA11yViolations, signInThroughForm, startDashboardServer, type TestServer } from './support/app';

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the audit log', () => {
  beforeAll(async () => {
    // Something to audit: an invited member.
    await createMember(server, 'audited@test.local', 'MEMBER');
  });

  it('shows the audit log with filters and a CSV export of the same entries', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/admin/audit');
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByLabel('Action').fill('member.*');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('member.*');
    await expect.poll(async () => (await page.locator('[data-testid="audit-row"] td:nth-child(3)').allTextContents()).every((a) => a.startsWith('member.'))).toBe(true);
    const actions = await page.locator('[data-testid="audit-row"] td:nth-child(3)').allTextContents();
    expect(actions).toContain('member.invite');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(actions.length);
    expect(lines.slice(1).every((l) => l.includes('member.'))).toBe(true);
    await screenshot(page, 'admin-audit');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });
});
