import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import urql, { Client, fetchExchange } from '@urql/vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { formatDuration, formatInteger, formatUsd } from '../../lib/format';
import SessionList from './SessionList.vue';

const ROW = {
  sessionId: 'sess-<1>',
  sessionName: 'Refund chat',
  userId: 'user-7',
  agentId: null,
  subAccountId: 'acme-eu',
  firstEventAt: '2026-11-20T09:00:00.000Z',
  lastEventAt: '2026-11-20T09:14:03.000Z',
  durationMs: 845_120,
  requests: 12,
  errors: 1,
  costUsd: 0.01234,
  totalTokens: 23_456,
};

/** The dashboard's real urql client over a fetch that answers like the API and records each request. */
function apiAnswering(answer: (variables: any) => unknown) {
  const requests: any[] = [];
  const client = new Client({
    url: 'http://test/graphql',
    exchanges: [fetchExchange],
    preferGetMethod: false,
    fetch: (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      requests.push(body.variables);
      return new Response(JSON.stringify(answer(body.variables)), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch,
  });
  return { client, requests };
}

async function mountAt(path: string, answer: (variables: any) => unknown) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sessions', name: 'sessions', component: SessionList },
      { path: '/sessions/:id', name: 'session', component: { template: '<p>detail</p>' } },
    ],
  });
  await router.push(path);
  const api = apiAnswering(answer);
  const wrapper = mount(SessionList, { global: { plugins: [router, [urql, api.client]] } });
  return { wrapper, router, requests: api.requests };
}

describe('the sessions list', () => {
  it('asks for the last active sessions first, one page of 25, with the URL filter, and shows them formatted', async () => {
    const { wrapper, requests } = await mountAt('/sessions?timeframe=LAST_30_DAYS&timezone=UTC', () => ({ data: { sessions: { __typename: 'SessionPage', total: 1, rows: [{ __typename: 'SessionRow', ...ROW }] } } }));
    expect(wrapper.text()).toContain('Loading');
    await flushPromises();
    expect(requests[0]).toMatchObject({ filter: { timeframe: 'LAST_30_DAYS', timezone: 'UTC' }, orderBy: { field: 'LAST_ACTIVE', direction: 'DESC' }, limit: 25, offset: 0 });
    const cell = (key: string) => wrapper.find(`td[data-col="${key}"]`).text();
    expect(cell('costUsd')).toBe(formatUsd(ROW.costUsd));
    expect(cell('requests')).toBe(formatInteger(ROW.requests));
    expect(cell('durationMs')).toBe(formatDuration(ROW.durationMs));
    expect(cell('totalTokens')).toBe('23,456');
    expect(cell('agentId')).toBe('–');
    expect(cell('lastEventAt')).toBe('Nov 20, 09:14');
    const link = wrapper.find('td[data-col="sessionId"] a');
    expect(link.text()).toBe('Refund chat');
    expect(link.attributes('href')).toBe('/sessions/sess-%3C1%3E?timeframe=LAST_30_DAYS&timezone=UTC');
    expect(wrapper.find('th[aria-sort="descending"]').text()).toContain('Last active');
  });

  it('sorts through the URL and asks the server for that order', async () => {
    const { wrapper, router, requests } = await mountAt('/sessions', () => ({ data: { sessions: { __typename: 'SessionPage', total: 60, rows: [{ __typename: 'SessionRow', ...ROW }] } } }));
    await flushPromises();
    await wrapper.findAll('th button').find((b) => b.text().startsWith('Cost'))!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({ orderBy: 'COST_USD', direction: 'DESC' });
    expect(requests.at(-1)).toMatchObject({ orderBy: { field: 'COST_USD', direction: 'DESC' }, offset: 0 });
    await wrapper.findAll('nav button').find((b) => b.text() === 'Next')!.trigger('click');
    await flushPromises();
    expect(requests.at(-1)).toMatchObject({ orderBy: { field: 'COST_USD', direction: 'DESC' }, offset: 25 });
  });

  it('falls back to its default order when the URL carries a report page’s order', async () => {
    const { requests } = await mountAt('/sessions?orderBy=INPUT_TOKENS_TOTAL&direction=ASC', () => ({ data: { sessions: { __typename: 'SessionPage', total: 0, rows: [] } } }));
    await flushPromises();
    expect(requests[0].orderBy).toEqual({ field: 'LAST_ACTIVE', direction: 'DESC' });
  });

  it('says so when there are no sessions, and shows the error when the API refuses', async () => {
    const empty = await mountAt('/sessions', () => ({ data: { sessions: { __typename: 'SessionPage', total: 0, rows: [] } } }));
    await flushPromises();
    expect(empty.wrapper.text()).toContain('No sessions in this range.');
    const failing = await mountAt('/sessions', () => ({ data: null, errors: [{ message: 'filter.timezone: "Mars" is not an IANA timezone', extensions: { code: 'BAD_USER_INPUT' } }] }));
    await flushPromises();
    expect(failing.wrapper.find('[role="alert"]').text()).toBe('Could not load this: filter.timezone: "Mars" is not an IANA timezone');
  });
});
