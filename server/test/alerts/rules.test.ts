import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createRule, eventsOf, evaluateAt, ingest, RULE_FIELDS, spread } from './support.js';

/** Rules: validated input naming each bad field, admin-only changes, scoped reads, resets on change. */
describe('alert rules', () => {
  const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
  let t: TestServer;
  let admin: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    admin = await t.apiKey(['ADMIN']);
    key = await t.apiKey(['INGEST']);
  });
  afterAll(() => t?.stop());

  const create = (input: Record<string, unknown>, token = admin) => t.gql(`mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { ${RULE_FIELDS} } }`, { input }, token);
  const fieldOf = async (input: Record<string, unknown>) => (await create(input)).errors?.[0].extensions?.field;

  it('fills defaults: graduated thresholds for budgets, minRequests for rates, no time range in the filter', async () => {
    const budget = await createRule(t, admin, { name: 'Budget', metric: 'COST', budgetPeriod: 'MONTH', threshold: 5000, filter: { timeframe: 'LAST_7_DAYS', models: ['gpt-4o'] } });
    expect(budget).toMatchObject({ thresholds: [0.5, 0.8, 0.95, 1], minRequests: 0, windowMinutes: null, budgetPeriod: 'MONTH', enabled: true, forecast: false, filter: { models: ['gpt-4o'] } });
    const rate = await createRule(t, admin, { name: 'p95', metric: 'LATENCY_P95', windowMinutes: 15, threshold: 4000, thresholds: undefined });
    expect(rate).toMatchObject({ thresholds: [1], minRequests: 20 });
    const quota = await createRule(t, admin, { name: 'Quota', metric: 'REQUESTS', budgetPeriod: 'DAY', threshold: 1e6, thresholds: [1, 0.9, 0.9] });
    expect(quota.thresholds).toEqual([0.9, 1]);
  });

  it('refuses bad input, naming the field', async () => {
    const base = { name: 'x', metric: 'COST', windowMinutes: 60, threshold: 1 };
    expect(await fieldOf({ ...base, windowMinutes: 4 })).toBe('windowMinutes');
    expect(await fieldOf({ ...base, windowMinutes: 1441 })).toBe('windowMinutes');
    expect(await fieldOf({ ...base, budgetPeriod: 'DAY' })).toBe('windowMinutes'); // both
    expect(await fieldOf({ name: 'x', metric: 'COST', threshold: 1 })).toBe('windowMinutes'); // neither
    expect(await fieldOf({ ...base, threshold: 0 })).toBe('threshold');
    expect(await fieldOf({ ...base, metric: 'ERROR_RATE', threshold: 5 })).toBe('threshold');
    expect(await fieldOf({ ...base, thresholds: [0.5] })).toBe('thresholds');
    expect(await fieldOf({ ...base, windowMinutes: undefined, budgetPeriod: 'DAY', thresholds: [0] })).toBe('thresholds.0');
    expect(await fieldOf({ ...base, groupBy: 'PROPERTY' })).toBe('groupByPropertyKey');
    expect(await fieldOf({ ...base, emailRecipients: ['ok@acme.test', 'nope'] })).toBe('emailRecipients.1');
    expect(await fieldOf({ ...base, slackWebhookUrls: ['ftp://hooks.slack.com/x'] })).toBe('slackWebhookUrls.0');
    expect(await fieldOf({ ...base, filter: { subAccountIds: ['no-such'] } })).toBe('filter.subAccountIds');
    expect(await fieldOf({ ...base, filter: { timezone: 'Mars/Olympus' } })).toBe('filter.timezone');
  });

  it('lets members and viewers read rules but only admins change them', async () => {
    const reader = await t.apiKey(['READ']);
    expect((await create({ name: 'no', metric: 'COST', windowMinutes: 60, threshold: 1 }, reader)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { alertRules } = await t.gqlData(`{ alertRules { name } }`, {}, reader);
    expect(alertRules.map((r: any) => r.name)).toEqual(expect.arrayContaining(['Budget', 'p95', 'Quota']));
    const ingestOnly = await t.gql(`{ alertRules { name } }`, {}, key);
    expect(ingestOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("scopes rules to the organization tree: a sub-account's admin sees and watches only its sub-account", async () => {
    const { createSubAccount } = await t.gqlData(`mutation { createSubAccount(input: { externalId: "rules-eu", name: "EU" }) { id } }`, {}, admin);
    const subAdmin = await t.apiKey(['ADMIN'], createSubAccount.id);
    const subIngest = await t.apiKey(['INGEST'], createSubAccount.id);
    const mine = await createRule(t, subAdmin, { name: 'EU only', metric: 'REQUESTS', windowMinutes: 10, threshold: 3 });
    expect(mine.organizationId).toBe(createSubAccount.id);
    expect((await t.gqlData(`{ alertRules { name } }`, {}, subAdmin)).alertRules.map((r: any) => r.name)).toEqual(['EU only']);
    // The parent's rules are invisible to it, and changing them is NOT_FOUND (not FORBIDDEN: it may not know they exist).
    const parentRule = (await t.gqlData(`{ alertRules { id name } }`, {}, admin)).alertRules.find((r: any) => r.name === 'Budget');
    const refused = await t.gql(`mutation($id: ID!) { deleteAlertRule(id: $id) }`, { id: parentRule.id }, subAdmin);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Its rule counts only its own events, whatever the parent ingests.
    await ingest(t, key, spread(10, '2026-11-20T10:00:00Z', '2026-11-20T10:08:00Z', { model: 'm-scope' }));
    await evaluateAt(t.server, clock, '2026-11-20T10:09:00Z');
    expect(await eventsOf(t, subAdmin, mine.id)).toEqual([]);
    await ingest(t, subIngest, spread(4, '2026-11-20T10:00:00Z', '2026-11-20T10:08:00Z', { model: 'm-scope' }));
    await evaluateAt(t.server, clock, '2026-11-20T10:10:00Z');
    expect(await eventsOf(t, subAdmin, mine.id)).toEqual([expect.objectContaining({ status: 'FIRING', value: 4 })]);
    // The parent sees the sub-account's events too (the whole tree).
    expect((await t.gqlData(`{ alertEvents { rule { name } } }`, {}, admin)).alertEvents.map((e: any) => e.rule.name)).toContain('EU only');
  });

  it('starts afresh when what a rule measures changes, but keeps its state through a rename', async () => {
    const r = await createRule(t, admin, { name: 'Resettable', metric: 'REQUESTS', windowMinutes: 30, threshold: 2, filter: { models: ['m-reset'] } });
    await ingest(t, key, spread(3, '2026-11-20T11:00:00Z', '2026-11-20T11:20:00Z', { model: 'm-reset' }));
    await evaluateAt(t.server, clock, '2026-11-20T11:25:00Z');
    const update = (input: Record<string, unknown>) =>
      t.gqlData(`mutation($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { ${RULE_FIELDS} } }`, { id: r.id, input: { metric: 'REQUESTS', windowMinutes: 30, threshold: 2, filter: { models: ['m-reset'] }, ...input } }, admin);
    await update({ name: 'Renamed' });
    expect(await eventsOf(t, admin, r.id)).toEqual([expect.objectContaining({ status: 'FIRING', rule: { id: r.id, name: 'Renamed' } })]);
    await update({ name: 'Renamed', threshold: 3 });
    const [reset] = await eventsOf(t, admin, r.id);
    expect(reset).toMatchObject({ status: 'RESOLVED', resolution: 'RULE_CHANGED' });
    await evaluateAt(t.server, clock, '2026-11-20T11:26:00Z');
    expect((await eventsOf(t, admin, r.id)).map((e) => [e.status, e.threshold])).toEqual([['RESOLVED', 2], ['FIRING', 3]]);
    // Disabled: resolved, and no longer evaluated.
    await update({ name: 'Renamed', threshold: 3, enabled: false });
    await evaluateAt(t.server, clock, '2026-11-20T11:27:00Z');
    expect((await eventsOf(t, admin, r.id)).map((e) => [e.status, e.resolution])).toEqual([['RESOLVED', 'RULE_CHANGED'], ['RESOLVED', 'RULE_DISABLED']]);
  });

  it('says on the rule when its filter stopped working, and carries on with the other rules', async () => {
    const { createSubAccount } = await t.gqlData(`mutation { createSubAccount(input: { externalId: "short-lived", name: "Short" }) { id } }`, {}, admin);
    const r = await createRule(t, admin, { name: 'Broken later', metric: 'COST', windowMinutes: 60, threshold: 1, filter: { subAccountIds: ['short-lived'] } });
    // The filter goes stale (its sub-account disappears): the rule reports it instead of failing silently.
    await t.server.services.pool.query('delete from organization where id = $1', [Number(createSubAccount.id)]);
    const pass = await evaluateAt(t.server, clock, '2026-11-20T12:00:00Z');
    expect(pass.errors).toBe(1);
    const { alertRule } = await t.gqlData(`query($id: ID!) { alertRule(id: $id) { lastError evaluatedAt } }`, { id: r.id }, admin);
    expect(alertRule).toEqual({ lastError: expect.stringMatching(/^filter\.subAccountIds: "short-lived" is not a sub-account/), evaluatedAt: '2026-11-20T12:00:00.000Z' });
  });

  it('without SMTP configured, records email deliveries as skipped rather than failing them', async () => {
    const r = await createRule(t, admin, { name: 'No relay', metric: 'REQUESTS', windowMinutes: 30, threshold: 2, filter: { models: ['m-no-smtp'] }, emailRecipients: ['ops@acme.test'] });
    await ingest(t, key, spread(3, '2026-11-20T13:00:00Z', '2026-11-20T13:20:00Z', { model: 'm-no-smtp' }));
    clock.set('2026-11-20T13:25:00Z');
    const { delivery } = await t.server.services.alerts.tick();
    expect(delivery.skipped).toBeGreaterThanOrEqual(1);
    const { alertEvents } = await t.gqlData(`query($id: ID) { alertEvents(ruleId: $id) { deliveries { channel status attempts error } } }`, { id: r.id }, admin);
    expect(alertEvents[0].deliveries).toEqual([{ channel: 'EMAIL', status: 'SKIPPED', attempts: 1, error: expect.stringMatching(/No SMTP server is configured/) }]);
  });
});
