import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../../../server/test/support/server.js';

export { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer };

/** A real server on a free port, over a fresh database, serving the built dashboard. */
export function startDashboardServer(opts: Parameters<typeof startTestServer>[0] = {}) {
  return startTestServer(opts);
}

/** Signs in through the form, as a person would, and waits for the shell. */
export async function signInThroughForm(page: Page, baseUrl: string, email = ADMIN_EMAIL, password = ADMIN_PASSWORD, path = '/') {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('role').waitFor();
}

/** Creates a member with a role through the API (as the bootstrap admin) and returns the password. */
export async function createMember(server: TestServer, email: string, role: 'ADMIN' | 'MEMBER' | 'VIEWER'): Promise<string> {
  const token = await server.login();
  const password = `${role.toLowerCase()}-password-1`;
  await server.gqlData(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { email, role, password } }, token);
  return password;
}

export function expectNoSeriousA11yViolations(violations: { id: string; help: string; nodes: string[] }[]) {
  expect(violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).join(' ')}`)).toEqual([]);
}
