import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSendAt } from '../../src/modules/reports/periods.js';
import type { TestServer } from '../support/server.js';
import { createSchedule, SCHEDULE_FIELDS, startReportServer } from './support.js';

const WEBHOOK = 'https://hooks.slack.example/services/T0001/B0002/abcdefSECRETwxyz';

describe('report schedules', () => {
  let t: TestServer;
  let admin: string;

  beforeAll(async () => {
    t = await startReportServer({ scheduler: true });
    admin = await t.login();
  });
  afterAll(() => t?.stop());

  const agendaJob = async (scheduleId: string) => {
    const { rows } = await t.server.services.pool.query(
      `select repeat_interval, repeat_timezone, disabled, next_run_at from agenda_jobs where name = 'report.schedule' and data->>'scheduleId' = $1`,
      [scheduleId],
    );
    return rows;
  };
  const auditOf = async (scheduleId: string) => {
    const { rows } = await t.server.services.pool.query(`select action, actor_email, details from audit_event where target_type = 'reportSchedule' and target_id = $1 order by id`, [scheduleId]);
    return rows;
  };

  it('lets an admin create a weekly schedule with defaults: Monday 09:00 in the organization timezone, every section', async () => {
    const s = await createSchedule(t, admin, { name: 'Weekly spend', frequency: 'WEEKLY', emailRecipients: ['Finance@Acme.test'], slackWebhookUrls: [WEBHOOK] });
    expect(s).toMatchObject({ name: 'Weekly spend', frequency: 'WEEKLY', timezone: 'UTC', hour: 9, weekday: 1, dayOfMonth: 1, enabled: true, emailRecipients: ['finance@acme.test'], slackWebhookUrls: [WEBHOOK] });
    expect(s.sections).toContain('COST_BY_MODEL');
    expect(new Date(s.nextSendAt).getUTCDay()).toBe(1);
    expect(new Date(s.nextSendAt).getUTCHours()).toBe(9);
    const listed = await t.gqlData(`{ reportSchedules { id name } }`, {}, admin);
    expect(listed.reportSchedules).toEqual([{ id: s.id, name: 'Weekly spend' }]);
  });

  it('keeps exactly one repeating Agenda job per schedule: editing reschedules it, disabling pauses it, deleting removes it', async () => {
    const s = await createSchedule(t, admin, { name: 'Daily Berlin', frequency: 'DAILY', hour: 7, timezone: 'Europe/Berlin', emailRecipients: ['ops@acme.test'] });
    let [job, ...others] = await agendaJob(s.id);
    expect(others).toEqual([]);
    expect(job).toMatchObject({ repeat_interval: '0 7 * * *', repeat_timezone: 'Europe/Berlin', disabled: false });
    // Agenda's cron and the report's own calendar agree on when the next send is.
    expect(job.next_run_at.toISOString()).toBe(nextSendAt({ frequency: 'DAILY', timezone: 'Europe/Berlin', hour: 7, weekday: 1, dayOfMonth: 1 }, new Date()).toISOString());

    await t.gqlData(`mutation($id: ID!, $input: ReportScheduleInput!) { updateReportSchedule(id: $id, input: $input) { id } }`, {
      id: s.id,
      input: { name: 'Monthly Berlin', frequency: 'MONTHLY', dayOfMonth: 3, hour: 6, timezone: 'Europe/Berlin', emailRecipients: ['ops@acme.test'] },
    }, admin);
    [job, ...others] = await agendaJob(s.id);
    expect(others).toEqual([]);
    expect(job).toMatchObject({ repeat_interval: '0 6 3 * *', repeat_timezone: 'Europe/Berlin', disabled: false });

    const paused = await t.gqlData(`mutation($id: ID!) { setReportScheduleEnabled(id: $id, enabled: false) { enabled nextSendAt } }`, { id: s.id }, admin);
    expect(paused.setReportScheduleEnabled).toEqual({ enabled: false, nextSendAt: null });
    expect((await agendaJob(s.id))[0].disabled).toBe(true);
    await t.gqlData(`mutation($id: ID!) { setReportScheduleEnabled(id: $id, enabled: true) { enabled } }`, { id: s.id }, admin);
    expect((await agendaJob(s.id))[0].disabled).toBe(false);

    expect((await t.gqlData(`mutation($id: ID!) { deleteReportSchedule(id: $id) }`, { id: s.id }, admin)).deleteReportSchedule).toBe(true);
    expect(await agendaJob(s.id)).toEqual([]);
    expect((await t.gqlData(`query($id: ID!) { reportSchedule(id: $id) { id } }`, { id: s.id }, admin)).reportSchedule).toBeNull();
    const again = await t.gql(`mutation($id: ID!) { deleteReportSchedule(id: $id) }`, { id: s.id }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('writes every change to the audit log, with webhook URLs masked', async () => {
    const s = await createSchedule(t, admin, { name: 'Audited', frequency: 'DAILY', slackWebhookUrls: [WEBHOOK] });
    await t.gqlData(`mutation($id: ID!) { setReportScheduleEnabled(id: $id, enabled: false) { id } }`, { id: s.id }, admin);
    await t.gqlData(`mutation($id: ID!) { deleteReportSchedule(id: $id) }`, { id: s.id }, admin);
    const entries = await auditOf(s.id);
    expect(entries.map((e) => e.action)).toEqual(['reportSchedule.create', 'reportSchedule.disable', 'reportSchedule.delete']);
    expect(entries[0].actor_email).toBe('admin@test.local');
    expect(entries[0].details.slackWebhookUrls).toEqual(['https://hooks.slack.example/…wxyz']);
    expect(JSON.stringify(entries)).not.toContain('SECRET');
  });

  it('refuses invalid input with one error per offending field', async () => {
    const res = await t.gql(`mutation($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id } }`, {
      input: {
        name: ' ',
        frequency: 'WEEKLY',
        timezone: 'Mars/Olympus',
        hour: 24,
        weekday: 8,
        dayOfMonth: 29,
        emailRecipients: ['ok@acme.test', 'not-an-email'],
        slackWebhookUrls: ['ftp://hooks.slack.example/x'],
      },
    }, admin);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0].extensions!.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['dayOfMonth', 'emailRecipients.1', 'hour', 'name', 'slackWebhookUrls.0', 'timezone', 'weekday']);

    const noChannel = await t.gql(`mutation($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id } }`, { input: { name: 'Nowhere', frequency: 'DAILY' } }, admin);
    expect(noChannel.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'emailRecipients' });
    expect(noChannel.errors?.[0].message).toMatch(/at least one email recipient or Slack webhook/);
  });

  it('is for admins only: members and viewers are refused, API keys need the ADMIN scope', async () => {
    await t.gqlData(`mutation { inviteMember(input: { email: "member@test.local", role: MEMBER, password: "member-password" }) { id } }`, {}, admin);
    const member = await t.login('member@test.local', 'member-password');
    for (const op of [`{ reportSchedules { id } }`, `{ reportRuns { id } }`, `mutation { createReportSchedule(input: { name: "x", frequency: DAILY, emailRecipients: ["a@b.test"] }) { id } }`]) {
      const res = await t.gql(op, {}, member);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const readKey = await t.apiKey(['READ']);
    expect((await t.gql(`{ reportSchedules { id } }`, {}, readKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const adminKey = await t.apiKey(['ADMIN']);
    expect((await t.gql(`{ reportSchedules { id } }`, {}, adminKey)).data?.reportSchedules).toBeInstanceOf(Array);
  });

  it("keeps a sub-account's schedules to that sub-account, and a parent admin sees them all", async () => {
    const sub = await t.gqlData(`mutation { createSubAccount(input: { externalId: "acme-eu", name: "Acme EU" }) { id } }`, {}, admin);
    await t.gqlData(`mutation($sub: ID) { inviteMember(input: { email: "eu-admin@test.local", role: ADMIN, password: "eu-admin-password", subAccountId: $sub }) { id } }`, { sub: sub.createSubAccount.id }, admin);
    const euAdmin = await t.login('eu-admin@test.local', 'eu-admin-password');
    const own = await createSchedule(t, euAdmin, { name: 'EU only', frequency: 'DAILY', emailRecipients: ['eu@acme.test'] });
    expect(own.organizationId).toBe(sub.createSubAccount.id);
    const seenBySub = await t.gqlData(`{ reportSchedules { name } }`, {}, euAdmin);
    expect(seenBySub.reportSchedules.map((s: { name: string }) => s.name)).toEqual(['EU only']);
    const seenByParent = await t.gqlData(`{ reportSchedules { name } }`, {}, admin);
    expect(seenByParent.reportSchedules.map((s: { name: string }) => s.name)).toContain('EU only');
    const parentOnes = (await t.gqlData(`{ reportSchedules { id organizationId } }`, {}, admin)).reportSchedules.filter((s: { organizationId: string }) => s.organizationId !== sub.createSubAccount.id);
    const foreign = await t.gql(`query($id: ID!) { reportSchedule(id: $id) { id } }`, { id: parentOnes[0].id }, euAdmin);
    expect(foreign.data?.reportSchedule).toBeNull();
  });

  it('returns the fields the dashboard edits a schedule with', async () => {
    const s = await createSchedule(t, admin, {
      name: 'Filtered',
      frequency: 'MONTHLY',
      dayOfMonth: 28,
      hour: 23,
      timezone: 'America/New_York',
      emailRecipients: ['a@acme.test'],
      filter: { models: ['gpt-4o'], timeframe: 'LAST_7_DAYS', status: 'ERROR' },
      sections: ['SUMMARY', 'COST_BY_MODEL'],
    });
    const fetched = await t.gqlData(`query($id: ID!) { reportSchedule(id: $id) { ${SCHEDULE_FIELDS} } }`, { id: s.id }, admin);
    // The time range of a filter is the report's period: a timeframe in the input is dropped.
    expect(fetched.reportSchedule).toMatchObject({ frequency: 'MONTHLY', dayOfMonth: 28, hour: 23, filter: { models: ['gpt-4o'], status: 'ERROR' }, sections: ['SUMMARY', 'COST_BY_MODEL'] });
    expect(fetched.reportSchedule.filter.timeframe).toBeUndefined();
  });
});
