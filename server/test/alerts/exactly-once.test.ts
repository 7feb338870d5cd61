import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/app/server.js';
import { orgCache } from '../../src/modules/alerts/evaluator.js';
import { notificationsStore } from '../../src/modules/alerts/notifications.store.js';
import { evaluationMinute } from '../../src/modules/alerts/periods.js';
import { rulesStore } from '../../src/modules/alerts/rules.store.js';
import { ManualClock } from '../../src/shared/clock.js';
import { startInstance, startSmtp, type TestSmtp } from '../reports/support.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createRule, DELIVERY_FIELDS, eventsOf, ingest, spread, sql } from './support.js';

/**
 * No duplicate across instances or restarts: two servers over one database evaluate and deliver
 * at the same instant; state lives in unique keys and conditional updates, never in memory.
 */
describe('exactly once, across instances and restarts', () => {
  const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
  let smtp: TestSmtp;
  let t: TestServer;
  let b: RunningServer;
  let admin: string;
  let key: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ clock, env: { SMTP_URL: smtp.url } });
    b = await startInstance(t.db, { clock, smtpUrl: smtp.url, scheduler: false });
    admin = await t.apiKey(['ADMIN']);
    key = await t.apiKey(['INGEST']);
  });
  afterAll(async () => {
    await b?.stop();
    await t?.stop();
    await smtp?.stop();
  });

  const mailsFor = (name: string) => smtp.messages.filter((m) => m.subject.includes(name));
  const rule = (name: string, model: string) => createRule(t, admin, { name, metric: 'REQUESTS', windowMinutes: 30, threshold: 5, filter: { models: [model] }, emailRecipients: ['ops@acme.test'] });

  it('two instances ticking at the same minute fire each rule once and send each email once', async () => {
    const rules = await Promise.all(['race-1', 'race-2', 'race-3', 'race-4'].map((n) => rule(n, `m-${n}`)));
    await ingest(t, key, ['race-1', 'race-2', 'race-3', 'race-4'].flatMap((n) => spread(6, '2026-11-20T10:00:00Z', '2026-11-20T10:20:00Z', { model: `m-${n}` })));
    clock.set('2026-11-20T10:25:00Z');
    const [x, y] = await Promise.all([t.server.services.alerts.tick(), b.services.alerts.tick()]);
    // Every rule was claimed by exactly one of them.
    expect(x.pass.rules + y.pass.rules).toBe(await countEnabledRules());
    expect(x.pass.fired + y.pass.fired).toBe(4);
    // And again, a few times, as the minute passes: nothing new.
    for (const at of ['2026-11-20T10:25:40Z', '2026-11-20T10:26:00Z', '2026-11-20T10:27:00Z']) {
      clock.set(at);
      await Promise.all([t.server.services.alerts.tick(), b.services.alerts.tick()]);
    }
    for (const r of rules) {
      const events = await eventsOf(t, admin, r.id, DELIVERY_FIELDS);
      expect(events).toHaveLength(1);
      expect(events[0].deliveries).toEqual([expect.objectContaining({ status: 'SENT', attempts: 1 })]);
      expect(mailsFor(r.name)).toHaveLength(1);
    }
  });

  it('without the per-minute claim, two writers racing on one rule still record one event and one notification', async () => {
    const r = await rule('no-claim', 'm-no-claim');
    await ingest(t, key, spread(6, '2026-11-20T11:00:00Z', '2026-11-20T11:20:00Z', { model: 'm-no-claim' }));
    clock.set('2026-11-20T11:25:00Z');
    const row = (await rulesStore.get(t.server.services.pool, Number(r.id)))!;
    const minute = evaluationMinute(clock.now());
    const orgs = await orgCache(t.server.services.pool)(row.tenantId);
    const outcomes = await Promise.all([
      t.server.services.alerts.evaluator.evaluate(row, minute, orgs),
      b.services.alerts.evaluator.evaluate(row, minute, orgs),
      t.server.services.alerts.evaluator.evaluate(row, minute, orgs),
    ]);
    expect(outcomes.map((o) => o.fired.length).sort()).toEqual([0, 0, 1]);
    expect(outcomes.filter((o) => o.notificationId)).toHaveLength(1);
    expect(await eventsOf(t, admin, r.id)).toHaveLength(1);
  });

  it('a restarted instance neither re-fires nor re-sends, and finishes what a dead one left half-sent', async () => {
    await deleteAllRules(); // only this test's rule and delivery in play
    const r = await rule('restart', 'm-restart');
    await ingest(t, key, spread(6, '2026-11-20T12:00:00Z', '2026-11-20T12:20:00Z', { model: 'm-restart' }));
    // Instance b evaluates, then "dies" holding the claimed delivery (SENDING, never finished).
    clock.set('2026-11-20T12:25:00Z');
    await b.services.alerts.evaluator.runOnce();
    const claimed = await notificationsStore.claimDue(b.services.pool, clock.now(), 5 * 60_000, 100);
    expect(claimed.map((d) => d.target)).toEqual(['ops@acme.test']);
    await b.stop();
    // A new instance over the same database, in the same minute: the claim of the minute holds.
    b = await startInstance(t.db, { clock, smtpUrl: smtp.url, scheduler: false });
    const again = await b.services.alerts.tick();
    expect(again.pass.rules).toBe(0);
    expect(again.delivery.sent).toBe(0); // the dead holder's lease has not run out yet
    // Later minutes: the rule is re-evaluated (no change), and after the lease the email goes out once.
    clock.set('2026-11-20T12:31:00Z');
    const later = await Promise.all([t.server.services.alerts.tick(), b.services.alerts.tick()]);
    expect(later.reduce((s, x) => s + x.pass.fired, 0)).toBe(0);
    expect(later.reduce((s, x) => s + x.delivery.sent, 0)).toBe(1);
    expect(mailsFor('restart')).toHaveLength(1);
    const [event] = await eventsOf(t, admin, r.id, DELIVERY_FIELDS);
    expect(event.deliveries).toEqual([expect.objectContaining({ status: 'SENT', attempts: 2 })]);
  });

  it('a rule deleted mid-evaluation records nothing and sends nothing', async () => {
    const r = await rule('deleted-mid', 'm-deleted-mid');
    await ingest(t, key, spread(6, '2026-11-20T13:00:00Z', '2026-11-20T13:20:00Z', { model: 'm-deleted-mid' }));
    clock.set('2026-11-20T13:25:00Z');
    const evaluator = t.server.services.alerts.evaluator;
    let release!: () => void;
    let measured!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (measured = resolve));
    evaluator.hooks.afterMeasure = async (rule) => {
      if (rule.id !== Number(r.id)) return;
      measured();
      await gate;
    };
    try {
      const pass = evaluator.runOnce();
      await reached; // the values are read (they cross the threshold); the write has not started
      expect(await t.gqlData(`mutation($id: ID!) { deleteAlertRule(id: $id) }`, { id: r.id }, admin)).toEqual({ deleteAlertRule: true });
      release();
      expect((await pass).fired).toBe(0);
    } finally {
      evaluator.hooks.afterMeasure = undefined;
    }
    await t.server.services.alerts.deliverer.deliverDue();
    expect(await eventsOf(t, admin, r.id)).toEqual([]);
    expect(mailsFor('deleted-mid')).toEqual([]);
    expect((await t.gqlData(`{ alertRules { id } }`, {}, admin)).alertRules.map((x: any) => x.id)).not.toContain(r.id);
  });

  it('a rule deleted after firing but before its email went out cancels the email and resolves the event', async () => {
    const r = await rule('deleted-after', 'm-deleted-after');
    await ingest(t, key, spread(6, '2026-11-20T14:00:00Z', '2026-11-20T14:20:00Z', { model: 'm-deleted-after' }));
    clock.set('2026-11-20T14:25:00Z');
    await t.server.services.alerts.evaluator.runOnce(); // fired; delivery pending
    await t.gqlData(`mutation($id: ID!) { deleteAlertRule(id: $id) }`, { id: r.id }, admin);
    await Promise.all([t.server.services.alerts.deliverer.deliverDue(), b.services.alerts.deliverer.deliverDue()]);
    const [event] = await eventsOf(t, admin, r.id, DELIVERY_FIELDS);
    expect(event).toMatchObject({ status: 'RESOLVED', resolution: 'RULE_DELETED' });
    expect(event.deliveries).toEqual([expect.objectContaining({ status: 'CANCELLED', attempts: 0 })]);
    expect(mailsFor('deleted-after')).toEqual([]);
  });

  it('a rule changed mid-evaluation writes nothing for the old settings', async () => {
    const r = await rule('changed-mid', 'm-changed-mid');
    await ingest(t, key, spread(6, '2026-11-20T15:00:00Z', '2026-11-20T15:20:00Z', { model: 'm-changed-mid' }));
    clock.set('2026-11-20T15:25:00Z');
    const evaluator = t.server.services.alerts.evaluator;
    evaluator.hooks.afterMeasure = async (rule) => {
      if (rule.id !== Number(r.id)) return;
      await t.gqlData(`mutation($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { id } }`, { id: r.id, input: { name: 'changed-mid', metric: 'REQUESTS', windowMinutes: 30, threshold: 50, filter: { models: ['m-changed-mid'] } } }, admin);
    };
    try {
      expect((await evaluator.runOnce()).fired).toBe(0);
    } finally {
      evaluator.hooks.afterMeasure = undefined;
    }
    expect(await eventsOf(t, admin, r.id)).toEqual([]);
  });

  async function deleteAllRules(): Promise<void> {
    const { alertRules } = await t.gqlData(`{ alertRules { id } }`, {}, admin);
    for (const r of alertRules) await t.gqlData(`mutation($id: ID!) { deleteAlertRule(id: $id) }`, { id: r.id }, admin);
  }

  async function countEnabledRules(): Promise<number> {
    return (await sql(t, `select count(*)::int as n from alert_rule where enabled and deleted_at is null`))[0].n;
  }
});
