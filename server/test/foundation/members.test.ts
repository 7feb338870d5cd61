import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { createSubAccount } from './helpers.js';

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id email role organization { id isSubAccount } } }`;
const SET_ROLE = `mutation($id: ID!, $role: Role!) { setMemberRole(id: $id, role: $role) { id role } }`;
const REMOVE = `mutation($id: ID!) { removeMember(id: $id) }`;

/** Members: invitations, roles, removal, and the rule that an organization keeps an admin. */
describe('members', () => {
  let t: TestServer;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    adminId = (await t.gqlData(`{ me { id } }`, {}, admin)).me.id;
  });
  afterAll(() => t?.stop());

  const invite = (input: Record<string, unknown>, token = admin) => t.gql(INVITE, { input }, token);

  it('invites a member who can then sign in with the given password', async () => {
    const res = await invite({ email: 'New.Person@Test.local', role: 'MEMBER', password: 'a-good-password' });
    expect(res.data.inviteMember).toMatchObject({ email: 'new.person@test.local', role: 'MEMBER', organization: { isSubAccount: false } });
    expect(await t.login('new.person@test.local', 'a-good-password')).toMatch(/^tts_/);
  });

  it('refuses a taken email, a bad email and a short password, naming the field', async () => {
    expect((await invite({ email: 'new.person@test.local', role: 'VIEWER' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect((await invite({ email: 'not-an-email', role: 'VIEWER' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect((await invite({ email: 'short@test.local', role: 'VIEWER', password: 'short' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('makes a member part of one sub-account, who then sees only that sub-account', async () => {
    const euId = await createSubAccount(t, 'acme-eu', admin);
    await createSubAccount(t, 'acme-us', admin);
    const res = await invite({ email: 'eu-admin@test.local', role: 'ADMIN', password: 'a-good-password', subAccountId: euId });
    expect(res.data.inviteMember.organization).toEqual({ id: euId, isSubAccount: true });
    const euAdmin = await t.login('eu-admin@test.local', 'a-good-password');
    const seen = await t.gqlData(`{ organization { id } subAccounts { externalId } members { email } }`, {}, euAdmin);
    expect(seen.organization.id).toBe(euId);
    expect(seen.subAccounts).toEqual([{ externalId: 'acme-eu' }]);
    expect(seen.members).toEqual([{ email: 'eu-admin@test.local' }]);
    // A sub-account admin can neither create sub-accounts nor touch the parent's members.
    expect((await t.gql(`mutation { createSubAccount(input: { externalId: "x", name: "X" }) { id } }`, {}, euAdmin)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(SET_ROLE, { id: adminId, role: 'VIEWER' }, euAdmin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate sub-account externalId', async () => {
    const res = await t.gql(`mutation { createSubAccount(input: { externalId: "acme-eu", name: "Again" }) { id } }`, {}, admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'externalId' });
  });

  it('never lets the last admin be demoted or removed', async () => {
    const demote = await t.gql(SET_ROLE, { id: adminId, role: 'MEMBER' }, admin);
    expect(demote.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(demote.errors?.[0].message).toMatch(/last admin/);
    expect((await t.gql(REMOVE, { id: adminId }, admin)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await t.gqlData(`{ me { role } }`, {}, admin)).me.role).toBe('ADMIN');
  });

  it('lets an admin step down once there is another admin', async () => {
    const second = (await invite({ email: 'second-admin@test.local', role: 'ADMIN', password: 'a-good-password' })).data.inviteMember.id;
    expect((await t.gqlData(SET_ROLE, { id: adminId, role: 'VIEWER' }, admin)).setMemberRole.role).toBe('VIEWER');
    const secondToken = await t.login('second-admin@test.local', 'a-good-password');
    expect((await t.gql(SET_ROLE, { id: second, role: 'VIEWER' }, secondToken)).errors?.[0].extensions?.code).toBe('CONFLICT');
    await t.gqlData(SET_ROLE, { id: adminId, role: 'ADMIN' }, secondToken);
  });

  it('keeps one admin even when two admins demote each other at the same moment', async () => {
    // The organization now has two admins: the bootstrap admin and second-admin.
    const secondToken = await t.login('second-admin@test.local', 'a-good-password');
    const secondId = (await t.gqlData(`{ me { id } }`, {}, secondToken)).me.id;
    const results = await Promise.all([t.gql(SET_ROLE, { id: secondId, role: 'MEMBER' }, admin), t.gql(SET_ROLE, { id: adminId, role: 'MEMBER' }, secondToken)]);
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    // Either one demotion wins and the other is refused, or the loser's token had already lost its admin role.
    expect(codes[0]).toMatch(/CONFLICT|FORBIDDEN/);
    expect(codes[1]).toBe('OK');
    const admins = (await t.gqlData(`{ members { role organization { isSubAccount } } }`, {}, results[0].errors ? secondToken : admin)).members.filter(
      (m: any) => m.role === 'ADMIN' && !m.organization.isSubAccount,
    );
    expect(admins).toHaveLength(1);
    // Whichever demotion won, the bootstrap admin is the admin again for the tests that follow.
    if (!results[1].errors) await t.gqlData(SET_ROLE, { id: adminId, role: 'ADMIN' }, secondToken);
  });

  it('answers NOT_FOUND for an unknown or malformed member id', async () => {
    for (const id of ['999999', 'abc', '99999999999999999999']) {
      expect((await t.gql(REMOVE, { id }, admin)).errors?.[0].extensions?.code, id).toBe('NOT_FOUND');
    }
  });

  it('refuses an unknown sub-account id when inviting or creating a key, naming the field', async () => {
    expect((await invite({ email: 'x@test.local', role: 'VIEWER', subAccountId: '424242' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subAccountId' });
    const key = await t.gql(`mutation { createApiKey(input: { name: "k", scopes: [INGEST], subAccountId: "nope" }) { key } }`, {}, admin);
    expect(key.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subAccountId' });
  });
});
