import type { TestServer } from '../support/server.js';

let sequence = 0;

/** A valid event of the contract, a few minutes old, with a unique id; override any field. */
export function event(fields: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  return {
    id: `evt_${process.pid}_${Date.now()}_${sequence}`,
    timestamp: new Date(Date.now() - 5 * 60_000).toISOString(),
    model: 'gpt-4o-mini',
    inputTokens: 1_000,
    outputTokens: 500,
    ...fields,
  };
}

/** Runs SQL against the test server's own database (for checks the API does not expose). */
export async function sql<T = any>(t: TestServer, text: string, values: unknown[] = []): Promise<T[]> {
  const { rows } = await t.server.services.pool.query(text, values);
  return rows as T[];
}

/** POSTs a raw body to /v1/events and returns the status, headers and parsed JSON. */
export async function post(t: TestServer, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, headers: res.headers, json };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Creates a sub-account as the bootstrap admin and returns its id. */
export async function createSubAccount(t: TestServer, externalId: string, token?: string): Promise<string> {
  const data = await t.gqlData(
    `mutation($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id } }`,
    { input: { externalId, name: `Sub ${externalId}` } },
    token ?? (await t.login()),
  );
  return data.createSubAccount.id;
}
