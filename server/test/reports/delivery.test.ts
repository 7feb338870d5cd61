import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatPercent, formatUsd } from '../../src/emails/format.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { TestServer } from '../support/server.js';
import { makeEvents } from './events.js';
import { createSchedule, eventually, readEmail, RUN_FIELDS, runsOf, startReportServer, startSmtp, startWebhookReceiver, type TestReceiver, type TestSmtp } from './support.js';

// Monday 23 November 2026, 08:30 in Berlin (CET, UTC+1): half an hour before the weekly send.
const BEFORE_SEND = '2026-11-23T07:30:00Z';
const AFTER_SEND = '2026-11-23T08:00:30Z';
const WEEK = { from: '2026-11-15T23:00:00.000Z', to: '2026-11-22T23:00:00.000Z' };
const WEEK_BEFORE = { from: '2026-11-08T23:00:00.000Z', to: '2026-11-15T23:00:00.000Z' };

describe('a weekly report, end to end', () => {
  const clock = new ManualClock(new Date(BEFORE_SEND));
  let t: TestServer;
  let smtp: TestSmtp;
  let slack: TestReceiver;
  let admin: string;
  let schedule: { id: string };
  const input = () => ({
    name: 'Weekly <b>spend</b> & co',
    frequency: 'WEEKLY',
    weekday: 1,
    hour: 9,
    timezone: 'Europe/Berlin',
    emailRecipients: ['cfo@acme.test', 'ops@acme.test'],
    slackWebhookUrls: [slack.url()],
  });

  /** The cron minute arriving: Agenda finds the schedule's job due and runs it. */
  const fireScheduleJob = (id: string) =>
    t.server.services.pool.query(`update agenda_jobs set next_run_at = now() where name = 'report.schedule' and data->>'scheduleId' = $1`, [id]);

  beforeAll(async () => {
    smtp = await startSmtp();
    slack = await startWebhookReceiver();
    t = await startReportServer({ clock, smtpUrl: smtp.url });
    admin = await t.login();
    const key = await t.apiKey(['INGEST']);
    const events = [
      ...makeEvents(WEEK.from, WEEK.to, 240, { prefix: 'w' }),
      ...makeEvents(WEEK_BEFORE.from, WEEK_BEFORE.to, 120, { prefix: 'p', costScale: 0.5 }),
      // Outside the period on both sides, by a second: must not count.
      ...makeEvents('2026-11-15T22:59:59Z', '2026-11-15T23:00:00Z', 1, { prefix: 'edge-before' }),
      ...makeEvents('2026-11-22T23:00:00Z', '2026-11-22T23:00:01Z', 1, { prefix: 'edge-after' }),
      { id: 'evil', timestamp: '2026-11-18T12:00:00Z', model: '<img src=x onerror=alert(1)>', costUsd: 0.5, inputTokens: 10, outputTokens: 10, userId: 'user-0' },
    ];
    const res = await t.ingest(events, key);
    expect((await res.json()).accepted).toBe(events.length);
    schedule = await createSchedule(t, admin, input());
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
    await slack?.stop();
  });

  it('sends nothing before the send time, even when the job fires early', async () => {
    expect(await t.server.services.reports.catchUp()).toEqual({ dispatched: 0, resumed: 0 });
    await t.server.services.reports.runner.dispatchDue(Number(schedule.id));
    expect(await runsOf(t, admin, schedule.id)).toEqual([]);
  });

  it('sends the previous Monday-Sunday week once the Monday 09:00 Berlin job fires: one email per recipient and one Slack message', async () => {
    clock.set(AFTER_SEND);
    await fireScheduleJob(schedule.id);
    await smtp.waitFor(2);
    const [run] = await eventually(async () => {
      const runs = await runsOf(t, admin, schedule.id);
      return runs[0]?.status === 'SENT' && runs;
    });
    expect(run).toMatchObject({ kind: 'SCHEDULED', periodFrom: WEEK.from, periodTo: WEEK.to, status: 'SENT', attempts: 1, error: null });
    expect(run.deliveries).toEqual([
      expect.objectContaining({ channel: 'EMAIL', target: 'cfo@acme.test', status: 'SENT', attempts: 1 }),
      expect.objectContaining({ channel: 'EMAIL', target: 'ops@acme.test', status: 'SENT', attempts: 1 }),
      // The webhook URL is a secret: even an admin sees it masked on the run.
      expect.objectContaining({ channel: 'SLACK', target: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…XXXX$/), status: 'SENT' }),
    ]);
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([['cfo@acme.test'], ['ops@acme.test']]);
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0].contentType).toMatch(/application\/json/);

    // Agenda moved the job on to the next real Monday 09:00 Berlin.
    const { rows } = await t.server.services.pool.query(`select next_run_at from agenda_jobs where name = 'report.schedule' and data->>'scheduleId' = $1`, [schedule.id]);
    expect(rows[0].next_run_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('shows in the email exactly the figures the GraphQL API answers for the same period', async () => {
    const filter = { timeframe: 'CUSTOM', from: WEEK.from, to: WEEK.to, timezone: 'Europe/Berlin' };
    const previousFilter = { ...filter, from: WEEK_BEFORE.from, to: WEEK_BEFORE.to };
    const fields = 'costUsd requests errorRate activeUsers threats sessions avgCostPerSession agentRuns agentSuccessRate cacheHits cacheSavingsUsd costNotSupportedRequests';
    const api = await t.gqlData(
      `query($f: UsageFilter!, $p: UsageFilter!) {
        now: usage(filter: $f) { totals { ${fields} } }
        before: usage(filter: $p) { totals { ${fields} } }
        usageByModel(filter: $f, limit: 10) { rows { model costUsd requests costShare } }
        usageByUser(filter: $f, limit: 5) { rows { userEmail costUsd requests } }
      }`,
      { f: filter, p: previousFilter },
      admin,
    );
    const now = api.now.totals;
    const before = api.before.totals;
    expect(now.requests).toBe(241); // 240 in the week, the <img> one, none of the two edge events

    const mail = readEmail(smtp.messages[0].html);
    expect(mail.figure('total-cost')).toBe(formatUsd(now.costUsd));
    expect(mail.previous('total-cost')).toBe(`was ${formatUsd(before.costUsd)}`);
    expect(mail.change('total-cost')).toBe(formatChange(now.costUsd, before.costUsd, 'usd'));
    expect(mail.figure('requests')).toBe(formatCount(now.requests));
    expect(mail.figure('error-rate')).toBe(formatPercent(now.errorRate));
    expect(mail.change('error-rate')).toBe(formatChange(now.errorRate, before.errorRate, 'percent'));
    expect(mail.figure('active-users')).toBe(formatCount(now.activeUsers));
    expect(mail.figure('threats')).toBe(formatCount(now.threats));
    expect(mail.figure('sessions')).toBe(formatCount(now.sessions));
    expect(mail.figure('avg-cost-per-session')).toBe(formatUsd(now.avgCostPerSession));
    expect(mail.figure('agent-runs')).toBe(formatCount(now.agentRuns));
    expect(mail.figure('agent-success-rate')).toBe(formatPercent(now.agentSuccessRate));
    expect(mail.figure('cache-hits')).toBe(formatCount(now.cacheHits));
    expect(mail.figure('cache-savings')).toBe(formatUsd(now.cacheSavingsUsd));
    expect(now.costNotSupportedRequests).toBeGreaterThan(0);
    expect(mail.figure('unpriced-requests')).toBe(formatCount(now.costNotSupportedRequests));

    expect(mail.table('models')).toEqual(api.usageByModel.rows.map((r: any) => expect.objectContaining({ name: r.model, cost: formatUsd(r.costUsd), share: formatPercent(r.costShare), requests: formatCount(r.requests) })));
    expect(mail.table('users').map((r) => r.name)).toEqual(api.usageByUser.rows.map((r: any) => r.userEmail));
    expect(mail.table('agents').map((r) => r.name).sort()).toEqual(['Draft <writer>', 'Ticket triage']);
    expect(mail.table('teams').map((r) => r.name).sort()).toEqual(['sales', 'support']);
    expect(mail.table('prompts').map((r) => r.name)).toContain('refund-policy-v3');
    expect(mail.table('tools').map((r) => r.name)).toEqual(['search_kb']);

    // The plain-text part carries the same figures.
    const text = smtp.messages[0].text;
    expect(text).toContain(`Total cost: ${formatUsd(now.costUsd)} (${formatChange(now.costUsd, before.costUsd, 'usd')}; was ${formatUsd(before.costUsd)})`);
    expect(text).toContain(`Requests: ${formatCount(now.requests)}`);
    expect(smtp.messages[0].subject).toBe(`Weekly <b>spend</b> & co · Nov 16 – Nov 22, 2026: ${formatUsd(now.costUsd)} (${formatChange(now.costUsd, before.costUsd, 'usd')})`);
  });

  it('escapes every user-provided string and links to the dashboard with the same period', async () => {
    const html = smtp.messages[0].html;
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>spend</b>');
    expect(html).toContain('Weekly &lt;b&gt;spend&lt;/b&gt; &amp; co');
    const mail = readEmail(html);
    expect(mail.table('models').map((r) => r.name)).toContain('<img src=x onerror=alert(1)>');
    const href = mail.$('.dashboard-link a').attr('href')!;
    const url = new URL(href);
    expect(url.origin).toBe('https://tokentally.example');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ timeframe: 'CUSTOM', from: WEEK.from, to: WEEK.to, timezone: 'Europe/Berlin' });
    expect(mail.$('a.link-models').attr('href')).toMatch(/^https:\/\/tokentally\.example\/reports\/models\?/);
  });

  it('computes two or three optimization hints from the data', async () => {
    const hints = readEmail(smtp.messages[0].html).hints();
    expect(hints.length).toBeGreaterThanOrEqual(2);
    expect(hints.length).toBeLessThanOrEqual(3);
    expect(hints.join(' ')).toMatch(/went to premium models \(gpt-4o, .*\) on requests averaging \d+ input tokens.*gpt-4o-mini, about \d+× cheaper/);
    expect(hints.join(' ')).toMatch(/requests failed/);
  });

  it('posts a Block Kit summary to Slack with the same headline figures', async () => {
    const body = slack.posts[0].body;
    expect(body.text).toBe(smtp.messages[0].subject);
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    const fields = body.blocks.find((b: any) => b.type === 'section' && b.fields).fields.map((f: any) => f.text);
    expect(fields[0]).toContain(`*Total cost*\n${readEmail(smtp.messages[0].html).figure('total-cost')}`);
    const allText = JSON.stringify(body);
    expect(allText).not.toContain('<img');
    expect(allText).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ type: 'button', url: expect.stringMatching(/^https:\/\/tokentally\.example\/\?/) }] });
  });

  it('previews exactly what was sent, and keeps the rendered report with the run', async () => {
    const preview = await t.gqlData(`query($input: ReportScheduleInput!) { reportPreview(input: $input) { subject html text periodFrom periodTo slack } }`, { input: input() }, admin);
    const [run] = await runsOf(t, admin, schedule.id);
    const stored = await t.gqlData(`{ reportRuns(limit: 1) { id report { subject html text slack } } }`, {}, admin);
    expect(stored.reportRuns[0].id).toBe(run.id);
    expect(preview.reportPreview).toMatchObject({ periodFrom: WEEK.from, periodTo: WEEK.to });
    expect(preview.reportPreview.subject).toBe(stored.reportRuns[0].report.subject);
    expect(preview.reportPreview.html).toBe(stored.reportRuns[0].report.html);
    expect(preview.reportPreview.text).toBe(stored.reportRuns[0].report.text);
    expect(preview.reportPreview.slack).toEqual(stored.reportRuns[0].report.slack);
    expect(smtp.messages[0].subject).toBe(preview.reportPreview.subject);
    expect(smtp.messages[0].html.trim()).toBe(preview.reportPreview.html.trim());
  });

  it('never sends a period twice: the job firing again, the sweep, and a catch-up change nothing', async () => {
    await fireScheduleJob(schedule.id);
    await t.server.services.reports.catchUp();
    await new Promise((r) => setTimeout(r, 800));
    expect(smtp.messages).toHaveLength(2);
    expect(slack.posts).toHaveLength(1);
    expect(await runsOf(t, admin, schedule.id)).toHaveLength(1);
  });

  it('sends the next week when the clock reaches the next Monday 09:00', async () => {
    clock.set('2026-11-30T08:00:10Z');
    await fireScheduleJob(schedule.id);
    await smtp.waitFor(4);
    const runs = await eventually(async () => {
      const r = await runsOf(t, admin, schedule.id);
      return r.length === 2 && r[0].status === 'SENT' && r;
    });
    expect(runs[0]).toMatchObject({ periodFrom: '2026-11-22T23:00:00.000Z', periodTo: '2026-11-29T23:00:00.000Z' });
    expect(readEmail(smtp.messages[3].html).figure('requests')).toBe('1'); // only the edge event after last week
  });

  it('"send now" makes a run of its own and leaves the scheduled one alone', async () => {
    const res = await t.gqlData(`mutation($id: ID!) { sendReportNow(id: $id) { ${RUN_FIELDS} } }`, { id: schedule.id }, admin);
    expect(res.sendReportNow).toMatchObject({ kind: 'MANUAL', status: 'SENT', periodFrom: '2026-11-22T23:00:00.000Z', attempts: 1 });
    await smtp.waitFor(6);
    expect(await runsOf(t, admin, schedule.id)).toHaveLength(3);
  });
});

describe('a report without SMTP', () => {
  it('is stored with its run and viewable; the email deliveries say why they were not sent', async () => {
    const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
    const t = await startReportServer({ clock, scheduler: false });
    try {
      const admin = await t.login();
      const key = await t.apiKey(['INGEST']);
      await t.ingest(makeEvents('2026-11-19T00:00:00Z', '2026-11-20T00:00:00Z', 30, { prefix: 'd' }), key);
      const s = await createSchedule(t, admin, { name: 'Daily', frequency: 'DAILY', emailRecipients: ['cfo@acme.test'] });
      const { sendReportNow: run } = await t.gqlData(`mutation($id: ID!) { sendReportNow(id: $id) { ${RUN_FIELDS} report { subject html text } } }`, { id: s.id }, admin);
      expect(run).toMatchObject({ status: 'SENT', periodFrom: '2026-11-19T00:00:00.000Z', periodTo: '2026-11-20T00:00:00.000Z' });
      expect(run.deliveries).toEqual([expect.objectContaining({ channel: 'EMAIL', target: 'cfo@acme.test', status: 'STORED', error: expect.stringMatching(/No SMTP server/) })]);
      expect(readEmail(run.report.html).figure('requests')).toBe('30');
      expect(run.report.text).toContain('Requests: 30');
    } finally {
      await t.stop();
    }
  });
});
