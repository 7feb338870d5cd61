import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { sql } from './helpers.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id email role } } }`;
const ME = `{ me { id email role organization { name isSubAccount } } }`;

/** Sign-in, sessions and API keys as bearer tokens. */
describe('authentication', () => {
  let t: TestServer;
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));

  beforeAll(async () => {
    t = await startTestServer({ clock });
  });
  afterAll(() => t?.stop());

  it('signs the bootstrap admin in with the right password and answers me', async () => {
    const { login } = await t.gqlData(LOGIN, { e: ADMIN_EMAIL, p: ADMIN_PASSWORD });
    expect(login.token).toMatch(/^tts_/);
    expect(login.member).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
    const { me } = await t.gqlData(ME, {}, login.token);
    expect(me).toMatchObject({ id: login.member.id, email: ADMIN_EMAIL, role: 'ADMIN', organization: { isSubAccount: false } });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    expect((await t.gqlData(LOGIN, { e: `  ${ADMIN_EMAIL.toUpperCase()} `, p: ADMIN_PASSWORD })).login.token).toMatch(/^tts_/);
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const wrong = await t.gql(LOGIN, { e: ADMIN_EMAIL, p: 'not-the-password' });
    const unknown = await t.gql(LOGIN, { e: 'nobody@test.local', p: ADMIN_PASSWORD });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    expect(wrong.data).toBeNull();
  });

  it('refuses to sign in a member invited without a password', async () => {
    const token = await t.login();
    await t.gqlData(`mutation { inviteMember(input: { email: "nopass@test.local", role: VIEWER }) { id } }`, {}, token);
    expect((await t.gql(LOGIN, { e: 'nopass@test.local', p: '' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers me with UNAUTHENTICATED without a token, with a bad token, and for an API key', async () => {
    expect((await t.gql(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, 'tts_forged')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, await t.apiKey(['READ']))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores only hashes of session tokens, API keys and passwords', async () => {
    const token = await t.login();
    const key = await t.apiKey(['READ']);
    const text = JSON.stringify(await sql(t, `select (select json_agg(s) from member_session s) as s, (select json_agg(k) from api_key k) as k, (select json_agg(m) from member m) as m`));
    expect(text).not.toContain(token);
    expect(text).not.toContain(key);
    expect(text).not.toContain(ADMIN_PASSWORD);
    expect(text).toContain('scrypt$');
  });

  it('ends the session on logout, and only that session', async () => {
    const first = await t.login();
    const second = await t.login();
    expect((await t.gqlData(`mutation { logout }`, {}, first)).logout).toBe(true);
    expect((await t.gql(ME, {}, first)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gqlData(ME, {}, second)).me.email).toBe(ADMIN_EMAIL);
    expect((await t.gqlData(`mutation { logout }`)).logout).toBe(false);
  });

  it('lets a session expire after SESSION_TTL_HOURS (14 days by default)', async () => {
    const token = await t.login();
    clock.advance(14 * 24 * 3_600_000 - 60_000);
    expect((await t.gqlData(ME, {}, token)).me.email).toBe(ADMIN_EMAIL);
    clock.advance(60_000);
    const res = await t.gql(ME, {}, token);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/expired/);
  });

  it('drops expired sessions of a member when they sign in again', async () => {
    const [{ n }] = await sql(t, `select count(*)::int as n from member_session where expires_at <= $1`, [clock.now()]);
    expect(n).toBeGreaterThan(0); // from the test above
    await t.login();
    expect(await sql(t, `select count(*)::int as n from member_session where expires_at <= $1`, [clock.now()])).toEqual([{ n: 0 }]);
  });

  it('slows password guessing down: after 10 wrong passwords for an email, even the right one waits', async () => {
    await t.gqlData(`mutation { inviteMember(input: { email: "target@test.local", role: VIEWER, password: "right-password" }) { id } }`, {}, await t.login());
    for (let i = 0; i < 10; i++) expect((await t.gql(LOGIN, { e: 'target@test.local', p: `guess-${i}` })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await t.gql(LOGIN, { e: 'TARGET@test.local', p: 'right-password' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 6 });
    expect((await t.gqlData(LOGIN, { e: ADMIN_EMAIL, p: ADMIN_PASSWORD })).login.token).toMatch(/^tts_/); // other emails are unaffected
    clock.advance(6_000);
    expect((await t.gqlData(LOGIN, { e: 'target@test.local', p: 'right-password' })).login.token).toMatch(/^tts_/);
  });

  it('signs a removed member out at once', async () => {
    const admin = await t.login();
    const { inviteMember } = await t.gqlData(`mutation { inviteMember(input: { email: "leaver@test.local", role: MEMBER, password: "leaver-password" }) { id } }`, {}, admin);
    const token = await t.login('leaver@test.local', 'leaver-password');
    await t.gqlData(`mutation($id: ID!) { removeMember(id: $id) }`, { id: inviteMember.id }, admin);
    expect((await t.gql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
