import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/app/server.js';
import { ManualClock } from '../../src/shared/clock.js';
import { startInstance, startSmtp, startWebhookReceiver, type TestReceiver, type TestSmtp } from '../reports/support.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createRule, DELIVERY_FIELDS, eventsOf, eventually, ingest, RULE_FIELDS, spread, subscribe } from './support.js';

/**
 * Notifications go out through the report channels: a real SMTP server and a real HTTP receiver
 * standing in for Slack, both on 127.0.0.1. Retries run on the injected clock.
 */
describe('alert delivery', () => {
  const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
  let smtp: TestSmtp;
  let slack: TestReceiver;
  let t: TestServer;
  let admin: string;
  let key: string;
  const extra: RunningServer[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    slack = await startWebhookReceiver();
    t = await startTestServer({ clock, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://tokentally.example' } });
    admin = await t.apiKey(['ADMIN']);
    key = await t.apiKey(['INGEST']);
  });
  afterAll(async () => {
    for (const s of extra) await s.stop();
    await t?.stop();
    await smtp?.stop();
    await slack?.stop();
  });

  const mailsFor = (rule: string) => smtp.messages.filter((m) => m.subject.includes(rule));
  const postsTo = (secret: string) => slack.posts.filter((p) => p.path.includes(secret));
  const tick = async (at: string) => {
    clock.set(at);
    return t.server.services.alerts.tick();
  };

  it('emails and posts to Slack when a rule fires and when it resolves, once each', async () => {
    const rule = await createRule(t, admin, {
      name: 'Errors <prod>',
      metric: 'ERROR_RATE',
      windowMinutes: 10,
      threshold: 0.05,
      filter: { models: ['m-deliver'] },
      emailRecipients: ['Oncall@Acme.test'],
      slackWebhookUrls: [slack.url('T1/B1/firesecret')],
    });
    expect(rule.emailRecipients).toEqual(['oncall@acme.test']);
    await ingest(t, key, [...spread(30, '2026-11-20T10:00:00Z', '2026-11-20T10:09:00Z', { model: 'm-deliver' }), ...spread(10, '2026-11-20T10:00:00Z', '2026-11-20T10:09:00Z', { model: 'm-deliver', status: 503 })]);
    const { pass, delivery } = await tick('2026-11-20T10:10:05Z');
    expect(pass).toMatchObject({ fired: 1, resolved: 0, errors: 0 });
    expect(delivery).toMatchObject({ sent: 2 });

    const [mail] = mailsFor('Errors <prod>');
    expect(mail.to).toEqual(['oncall@acme.test']);
    expect(mail.subject).toBe('[Alert] Errors <prod>: error rate 25.0% ≥ 5.0%');
    const $ = cheerio.load(mail.html);
    expect($('.alert-title').text().trim()).toBe('Errors <prod>'); // escaped in HTML, shown as typed
    expect($('.alert-fired').text().trim()).toBe('Error rate over the last 10 min is 25.0%, at or above 5.0%.');
    expect($('.alerts-link a').attr('href')).toBe('https://tokentally.example/alerts');
    expect(mail.text).toContain('Error rate over the last 10 min is 25.0%');
    const [post] = postsTo('firesecret');
    expect(post.body.text).toBe(mail.subject);
    expect(JSON.stringify(post.body.blocks)).toContain('25.0%');

    // Recovery: the window holds only successes now.
    await ingest(t, key, spread(30, '2026-11-20T10:11:00Z', '2026-11-20T10:19:00Z', { model: 'm-deliver' }));
    await tick('2026-11-20T10:21:00Z');
    expect(mailsFor('Errors <prod>').map((m) => m.subject)).toEqual(['[Alert] Errors <prod>: error rate 25.0% ≥ 5.0%', '[Resolved] Errors <prod>: error rate 0.0% < 5.0%']);
    expect(postsTo('firesecret')).toHaveLength(2);

    const [event] = await eventsOf(t, admin, rule.id, DELIVERY_FIELDS);
    expect(event.deliveries.map((d: any) => [d.channel, d.change, d.status, d.attempts])).toEqual([
      ['EMAIL', 'FIRED', 'SENT', 1],
      ['SLACK', 'FIRED', 'SENT', 1],
      ['EMAIL', 'RESOLVED', 'SENT', 1],
      ['SLACK', 'RESOLVED', 'SENT', 1],
    ]);
    // Nothing is due any more: ticking again sends nothing.
    expect((await tick('2026-11-20T10:22:00Z')).delivery.sent).toBe(0);
  });

  it('retries a failed delivery with backoff on the clock, without re-sending what went out', async () => {
    const rule = await createRule(t, admin, { name: 'Outage budget', metric: 'REQUESTS', windowMinutes: 60, threshold: 10, filter: { models: ['m-retry'] }, emailRecipients: ['cfo@acme.test'], slackWebhookUrls: [slack.url('T2/B2/retrysecret')] });
    await ingest(t, key, spread(12, '2026-11-20T11:00:00Z', '2026-11-20T11:30:00Z', { model: 'm-retry' }));
    smtp.setDown(true);
    slack.fail(1);
    const first = await tick('2026-11-20T11:31:00Z');
    expect(first.delivery).toMatchObject({ sent: 0, retrying: 2 });
    let [event] = await eventsOf(t, admin, rule.id, DELIVERY_FIELDS);
    expect(event.deliveries).toEqual([
      expect.objectContaining({ channel: 'EMAIL', status: 'PENDING', attempts: 1, nextAttemptAt: '2026-11-20T11:32:00.000Z', error: expect.stringMatching(/421/) }),
      expect.objectContaining({ channel: 'SLACK', status: 'PENDING', attempts: 1, nextAttemptAt: '2026-11-20T11:32:00.000Z', error: 'Slack webhook answered 500: internal_error' }),
    ]);
    // Not due yet: nothing is attempted.
    expect((await tick('2026-11-20T11:31:30Z')).delivery).toMatchObject({ sent: 0, retrying: 0 });
    // Slack recovers first; the relay is still down, so email backs off twice as long.
    const second = await tick('2026-11-20T11:32:00Z');
    expect(second.delivery).toMatchObject({ sent: 1, retrying: 1 });
    [event] = await eventsOf(t, admin, rule.id, DELIVERY_FIELDS);
    expect(event.deliveries[0]).toMatchObject({ status: 'PENDING', attempts: 2, nextAttemptAt: '2026-11-20T11:34:00.000Z' });
    smtp.setDown(false);
    expect((await tick('2026-11-20T11:34:00Z')).delivery).toMatchObject({ sent: 1, retrying: 0 });
    [event] = await eventsOf(t, admin, rule.id, DELIVERY_FIELDS);
    expect(event.deliveries.map((d: any) => [d.channel, d.status, d.attempts, d.error])).toEqual([
      ['EMAIL', 'SENT', 3, null],
      ['SLACK', 'SENT', 2, null],
    ]);
    expect(mailsFor('Outage budget')).toHaveLength(1);
    expect(postsTo('retrysecret')).toHaveLength(1);
  });

  it('gives up after the last attempt and says why', async () => {
    const rule = await createRule(t, admin, { name: 'Dead hook', metric: 'REQUESTS', windowMinutes: 60, threshold: 1, filter: { models: ['m-dead'] }, slackWebhookUrls: [slack.url('T3/B3/deadsecret')] });
    await ingest(t, key, spread(2, '2026-11-20T12:00:00Z', '2026-11-20T12:10:00Z', { model: 'm-dead' }));
    slack.fail(100);
    let at = Date.parse('2026-11-20T12:11:00Z');
    for (let i = 0; i < 5; i++) {
      await tick(new Date(at).toISOString());
      at += 60_000 * 2 ** i;
    }
    slack.fail(0);
    await tick(new Date(at).toISOString()); // the receiver works again, but nothing is due any more
    const [event] = await eventsOf(t, admin, rule.id, DELIVERY_FIELDS);
    expect(event.deliveries).toEqual([expect.objectContaining({ channel: 'SLACK', status: 'FAILED', attempts: 5, error: 'Slack webhook answered 500: internal_error' })]);
    expect(postsTo('deadsecret')).toHaveLength(0);
  });

  it('masks webhook URLs for non-admins, in rules and in deliveries', async () => {
    const reader = await t.apiKey(['READ']);
    const { alertRules } = await t.gqlData(`{ alertRules { name slackWebhookUrls } }`, {}, reader);
    const dead = alertRules.find((r: any) => r.name === 'Dead hook');
    expect(dead.slackWebhookUrls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…cret$/);
    const { alertEvents } = await t.gqlData(`{ alertEvents { rule { name } deliveries { channel target } } }`, {}, reader);
    const targets = alertEvents.flatMap((e: any) => e.deliveries.filter((d: any) => d.channel === 'SLACK').map((d: any) => d.target));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).not.toMatch(/secret\b|B\d\//);
    const { alertRules: full } = await t.gqlData(`{ alertRules { name slackWebhookUrls } }`, {}, admin);
    expect(full.find((r: any) => r.name === 'Dead hook').slackWebhookUrls[0]).toContain('/services/T3/B3/deadsecret');
    // Readers cannot change rules.
    const refused = await t.gql(`mutation { deleteAlertRule(id: "1") }`, {}, reader);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes alertFired to subscribers on every instance, scoped to their organization', async () => {
    const second = await startInstance(t.db, { clock, scheduler: false });
    extra.push(second);
    const sub = await t.gqlData(`mutation { createSubAccount(input: { externalId: "sub-alerts", name: "Sub" }) { id } }`, {}, admin);
    const subReader = await t.apiKey(['READ'], sub.createSubAccount.id);
    const rule = await createRule(t, admin, { name: 'Live one', metric: 'REQUESTS', windowMinutes: 5, threshold: 3, filter: { models: ['m-live'] } });
    // Other tests' rules resolve meanwhile: each subscription follows this rule only.
    const FIRED = `subscription($rule: ID, $resolved: Boolean) { alertFired(ruleId: $rule, includeResolved: $resolved) { id status value rule { name } } }`;
    const onSecond = await subscribe(`http://127.0.0.1:${second.port}`, admin, FIRED, { rule: rule.id });
    const withResolved = await subscribe(t.url, admin, FIRED, { rule: rule.id, resolved: true });
    const outsider = await subscribe(`http://127.0.0.1:${second.port}`, subReader, FIRED, { rule: rule.id, resolved: true });
    try {
      await ingest(t, key, spread(4, '2026-11-20T13:00:00Z', '2026-11-20T13:04:00Z', { model: 'm-live' }));
      await tick('2026-11-20T13:05:00Z'); // evaluated by the first instance
      const [event] = await eventsOf(t, admin, rule.id);
      await eventually(() => onSecond.values.length >= 1 && withResolved.values.length >= 1);
      expect(onSecond.values).toEqual([{ alertFired: { id: event.id, status: 'FIRING', value: 4, rule: { name: 'Live one' } } }]);
      await tick('2026-11-20T13:30:00Z');
      await eventually(() => withResolved.values.length >= 2);
      expect(withResolved.values.map((v) => v.alertFired.status)).toEqual(['FIRING', 'RESOLVED']);
      expect(onSecond.values).toHaveLength(1); // resolutions only when asked for
      expect(outsider.values).toEqual([]); // a sub-account does not see its parent's alerts
      expect([...onSecond.errors, ...withResolved.errors, ...outsider.errors]).toEqual([]);
    } finally {
      await Promise.all([onSecond.close(), withResolved.close(), outsider.close()]);
    }
  });

  it('audits every rule change with the webhook URLs masked', async () => {
    const rule = await createRule(t, admin, { name: 'Audited', metric: 'COST', windowMinutes: 60, threshold: 10, slackWebhookUrls: [slack.url('T9/B9/auditsecret')] });
    await t.gqlData(`mutation($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { ${RULE_FIELDS} } }`, { id: rule.id, input: { name: 'Audited 2', metric: 'COST', windowMinutes: 30, threshold: 10, slackWebhookUrls: [slack.url('T9/B9/auditsecret')] } }, admin);
    await t.gqlData(`mutation($id: ID!) { deleteAlertRule(id: $id) }`, { id: rule.id }, admin);
    const { rows } = await t.server.services.pool.query(`select action, target_id, details::text as details from audit_event where target_type = 'alertRule' and target_id = $1 order by id`, [rule.id]);
    expect(rows.map((r) => r.action)).toEqual(['alertRule.create', 'alertRule.update', 'alertRule.delete']);
    for (const r of rows) expect(r.details).not.toContain('auditsecret');
    expect(rows[1].details).toContain('"windowMinutes": 30');
  });
});
