import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** Abuse limits on /graphql: each refusal is a GraphQL error naming the limit; introspection stays open. */
describe('GraphQL abuse limits', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer();
    token = await t.login();
  });
  afterAll(() => t?.stop());

  const refusal = async (query: string) => {
    const res = await t.gql(query, {}, token);
    expect(res.data).toBeUndefined();
    return res.errors!.map((e) => `${e.extensions?.code}: ${e.message}`).join('\n');
  };

  it('refuses a query nested deeper than 12 levels', async () => {
    let selection = 'id';
    for (let i = 0; i < 14; i++) selection = `level${i} { ${selection} }`;
    expect(await refusal(`{ me { ${selection} } }`)).toMatch(/GRAPHQL_VALIDATION_FAILED: .*Query depth limit of 12 exceeded, found 16/);
  });

  it('refuses more than 30 aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: organization { id }`).join(' ');
    expect(await refusal(`{ ${aliases} }`)).toMatch(/GRAPHQL_VALIDATION_FAILED: .*Aliases limit of 30 exceeded, found 31/);
  });

  it('refuses a query that costs more than 20,000', async () => {
    // The same fragment spread again and again: no aliases, shallow, but costly to run.
    const spreads = Array.from({ length: 3_000 }, () => '...Keys').join(' ');
    expect(await refusal(`fragment Keys on Query { apiKeys { id name prefix } } { ${spreads} }`)).toMatch(/GRAPHQL_VALIDATION_FAILED: .*Query Cost limit of 20000 exceeded/);
  });

  it('refuses a document of more than 10,000 tokens', async () => {
    const fields = Array.from({ length: 10_500 }, () => '__typename').join(' ');
    expect(await refusal(`{ ${fields} }`)).toMatch(/Token limit of 10000 exceeded/);
  });

  it('answers a batch of up to 10 operations, and refuses 11 with a GraphQL error', async () => {
    const batch = (n: number) =>
      fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Array.from({ length: n }, () => ({ query: '{ __typename }' }))) });
    const ten = await batch(10);
    expect(ten.status).toBe(200);
    expect(await ten.json()).toHaveLength(10);
    const eleven = await batch(11);
    expect(eleven.status).toBe(400);
    expect(await eleven.json()).toEqual({ errors: [{ message: 'A batched request may carry at most 10 operations; this one has 11.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('keeps introspection open, without credentials, for integrators', async () => {
    const res = await t.gql(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    const types = res.data.__schema.types.map((type: { name: string }) => type.name);
    expect(types).toEqual(expect.arrayContaining(['UsageEventInput', 'IngestResult', 'ApiKeyScope', 'Role']));
  });

  it('suggests field names on a typo (integrators explore the schema)', async () => {
    expect(await refusal(`{ organisation { id } }`)).toMatch(/Did you mean "organization"/);
  });
});
