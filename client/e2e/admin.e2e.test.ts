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

describe('signing in and the admin pages', () => {
  it('serves the dashboard from the API port, with deep links falling back to the app', async () => {
    const res = await fetch(`${server.url}/admin/members`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="app">');
    const api = await fetch(`${server.url}/v1/no-such-endpoint`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.text()).not.toContain('<div id="app">');
  });

  it('rejects a wrong password and signs in with the right one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
    await page.getByLabel('Email').fill('admin@test.local');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    await page.getByLabel('Password').fill('admin-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('role').waitFor();
    expect(await page.getByTestId('role').textContent()).toBe('ADMIN');
    // A reload keeps the session.
    await page.reload();
    await page.getByTestId('role').waitFor();
  });

  it('creates an API key whose secret is shown once, with a copy button', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/admin/api-keys');
    await page.getByRole('heading', { name: 'Create an API key' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('e2e ingest');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByTestId('new-key-secret').textContent();
    expect(secret).toMatch(/^ttk_/);
    await page.getByRole('button', { name: 'Copy key' }).waitFor();
    await screenshot(page, 'admin-api-keys');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
    // The key works for ingestion, and the list shows its prefix only.
    const ingest = await server.ingest([{ timestamp: new Date().toISOString(), model: 'gpt-4o-mini', inputTokens: 10, outputTokens: 5 }], secret!);
    expect(ingest.status).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByRole('cell', { name: 'e2e ingest', exact: true }).waitFor();
    expect(await page.getByTestId('new-key').count()).toBe(0);
    expect(await page.content()).not.toContain(secret!);
  });

  it('invites a member and changes their role', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/admin/members');
    await page.getByLabel('Email').fill('new.member@test.local');
    await page.getByLabel('Role', { exact: true }).selectOption('MEMBER');
    await page.getByLabel('Initial password').fill('member-password-1');
    await page.getByRole('button', { name: 'Invite' }).click();
    const roleSelect = page.getByLabel('Role of new.member@test.local');
    await roleSelect.waitFor();
    expect(await roleSelect.inputValue()).toBe('MEMBER');
    await roleSelect.selectOption('VIEWER');
    await expect.poll(async () => {
      const data = await server.gqlData(`{ members { email role } }`, {}, await server.login());
      return data.members.find((m: { email: string }) => m.email === 'new.member@test.local')?.role;
    }).toBe('VIEWER');
    await screenshot(page, 'admin-members');
    expectNoSeriousA11yViolations(await accessibilityViolations(page));
  });

  it('creates a sub-account', async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, undefined, undefined, '/admin/sub-accounts');
    await page.getByLabel('Name').fill('Acme EU');
    await page.getByLabel('External id').fill('acme-eu');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('cell', { name: 'acme-eu' }).waitFor();
    await screenshot(page, 'admin-sub-accounts');
  });

  it('keeps viewers and members out of the admin pages', async () => {
    for (const role of ['VIEWER', 'MEMBER'] as const) {
      const email = `${role.toLowerCase()}@test.local`;
      const password = await createMember(server, email, role);
      const page = await browser.newPage();
      await signInThroughForm(page, server.url, email, password);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).count()).toBe(0);
      await page.goto(`${server.url}/admin/api-keys`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      await page.goto(`${server.url}/schedules`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      if (role === 'VIEWER') await screenshot(page, 'viewer-forbidden');
      // The server refuses too, whatever the UI shows.
      const token = await server.login(email, password);
      const res = await server.gql(`{ apiKeys { id } }`, {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('is usable at 390 px wide', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await signInThroughForm(page, server.url, undefined, undefined, '/admin/members');
    await page.getByRole('heading', { name: 'Members and roles' }).waitFor();
    await screenshot(page, 'admin-members-390');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
