import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatUsd } from '../../src/emails/format.js';
import { requestTime } from '../../src/modules/reports/report-content.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { TestServer } from '../support/server.js';
import { makeEvents } from './events.js';
import { readEmail, startReportServer } from './support.js';

// Monday 23 November 2026, 09:00:30 in Berlin: the previous Monday–Sunday week is the report's period.
const NOW = '2026-11-23T08:00:30Z';
const WEEK = { from: '2026-11-15T23:00:00.000Z', to: '2026-11-22T23:00:00.000Z' };
const PREVIEW = `query($input: ReportScheduleInput!) { reportPreview(input: $input) { html text periodFrom periodTo } }`;

describe('the "Most expensive requests" section of a report', () => {
  let t: TestServer;
  let admin: string;
  let db: pg.Client;
  const input = (over: Record<string, unknown> = {}) => ({ name: 'Weekly spend', frequency: 'WEEKLY', weekday: 1, hour: 9, timezone: 'Europe/Berlin', emailRecipients: ['cfo@acme.test'], ...over });

  beforeAll(async () => {
    t = await startReportServer({ clock: new ManualClock(new Date(NOW)), scheduler: false });
    admin = await t.login();
    const key = await t.apiKey(['INGEST']);
    const events = [
      ...makeEvents(WEEK.from, WEEK.to, 240, { prefix: 'w' }),
      // The dearest of the week, with strings that must be escaped.
      { id: 'evil', timestamp: '2026-11-18T12:00:00Z', model: '<img src=x onerror=alert(1)>', costUsd: 0.5, inputTokens: 10, outputTokens: 10, userId: '<script>u</script>', agentId: 'a&b' },
      // Dearer, but not spend: a cache hit, and an event a second after the period.
      { id: 'cached', timestamp: '2026-11-18T12:00:00Z', model: 'gpt-4o', costUsd: 9, cacheHit: true, inputTokens: 10, outputTokens: 10 },
      { id: 'after', timestamp: '2026-11-22T23:00:01Z', model: 'gpt-4o', costUsd: 9, inputTokens: 10, outputTokens: 10 },
    ];
    const res = await (await t.ingest(events, key)).json();
    expect(res, JSON.stringify(res)).toMatchObject({ accepted: events.length });
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('lists the top five requests of the period by cost, equal to plain SQL over usage_event, in the HTML and the text part', async () => {
    const { reportPreview } = await t.gqlData(PREVIEW, { input: input() }, admin);
    expect(reportPreview).toMatchObject({ periodFrom: WEEK.from, periodTo: WEEK.to });
    const { rows } = await db.query(
      `select e.model, e.cost_nanos, e.input_tokens + e.output_tokens as tokens, e.user_id, e.agent_id, e.ts
         from usage_event e
        where e.ts >= $1 and e.ts < $2 and e.cost_nanos is not null and not e.cache_hit
        order by e.cost_nanos desc, e.ts desc, e.event_id limit 5`,
      [WEEK.from, WEEK.to],
    );
    const expected = rows.map((r) => ({
      model: r.model,
      cost: formatUsd(Number(r.cost_nanos) / 1e9),
      tokens: formatCount(Number(r.tokens)),
      who: [r.user_id, r.agent_id].filter(Boolean).join(' / ') || '–',
      when: requestTime(r.ts.toISOString(), 'Europe/Berlin'),
    }));
    expect(expected[0]).toEqual({ model: '<img src=x onerror=alert(1)>', cost: '$0.50', tokens: '20', who: '<script>u</script> / a&b', when: 'Nov 18, 13:00' });

    const mail = readEmail(reportPreview.html);
    expect(mail.$('.section-requests').text().trim()).toBe('Most expensive requests');
    expect(mail.table('requests')).toEqual(expected);
    expect(reportPreview.html).not.toContain('<script>u');
    expect(reportPreview.html).not.toContain('<img src=x');

    const text: string = reportPreview.text;
    const section = text.slice(text.indexOf('MOST EXPENSIVE REQUESTS'));
    expect(section.split('\n').slice(1, 6)).toEqual(
      expected.map((r, i) => `${String(i + 1).padStart(2)}. ${r.model}: cost ${r.cost}, tokens ${r.tokens}, user / agent ${r.who === '–' ? '(none)' : r.who}, when ${r.when}`),
    );
  });

  it('is left out when the schedule does not ask for it, and says so when nothing was spent', async () => {
    const without = (await t.gqlData(PREVIEW, { input: input({ sections: ['SUMMARY', 'COST_BY_MODEL'] }) }, admin)).reportPreview;
    expect(readEmail(without.html).$('.section-requests').length).toBe(0);
    expect(without.text).not.toContain('MOST EXPENSIVE REQUESTS');

    const empty = (await t.gqlData(PREVIEW, { input: input({ filter: { models: ['no-such-model'] } }) }, admin)).reportPreview;
    expect(readEmail(empty.html).$('.requests-empty').text()).toBe('No priced requests in this period.');
  });
});
