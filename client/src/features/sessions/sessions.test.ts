import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import urql, { Client, fetchExchange } from '@urql/vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { formatDuration, formatInteger, formatUsd } from '../../lib/format';
import SessionDetail from './SessionDetail.vue';
import SessionList from './SessionList.vue';
import { formatTime, sessionOrder } from './session-columns';

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

async function mountAt(path: string, answer: (variables: any) => unknown, component: any = SessionList, props: Record<string, unknown> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sessions', name: 'sessions', component: SessionList },
      { path: '/sessions/:id', name: 'session', component: { template: '<p>detail</p>' } },
    ],
  });
  await router.push(path);
  const api = apiAnswering(answer);
  const wrapper = mount(component, { props, global: { plugins: [router, [urql, api.client]] } });
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

const EVENT = { __typename: 'SessionEvent', eventId: 'e1', ts: '2026-11-20T09:00:05.000Z', model: 'gpt-4o', status: 429, error: 'rate_limit_exceeded', latencyMs: 1840, costUsd: null, cacheHit: false, inputTokens: 10, outputTokens: 5, totalTokens: 15, userId: 'user-7', agentId: null, runId: null };

describe('one session', () => {
  it('asks for the session with the URL filter and shows its figures and its requests', async () => {
    const session = { __typename: 'SessionDetail', ...ROW, requests: 2, events: [EVENT, { ...EVENT, eventId: 'e2', status: 200, error: null, costUsd: 0.5, cacheHit: true }] };
    const { wrapper, requests } = await mountAt('/sessions/sess-1?timezone=UTC', () => ({ data: { session } }), SessionDetail, { sessionId: 'sess-1' });
    await flushPromises();
    expect(requests[0]).toMatchObject({ id: 'sess-1', filter: { timezone: 'UTC' } });
    expect(wrapper.find('[data-testid="session-cost"] dd').text()).toBe(formatUsd(ROW.costUsd));
    expect(wrapper.find('[data-testid="session-duration"] dd').text()).toBe(formatDuration(ROW.durationMs));
    expect(wrapper.find('[data-testid="session-sub-account"] dd').text()).toBe('acme-eu');
    expect(wrapper.findAll('td[data-col="ts"]').map((td) => td.text())).toEqual(['Nov 20, 09:00:05', 'Nov 20, 09:00:05']);
    expect(wrapper.findAll('td[data-col="status"]').map((td) => td.text())).toEqual(['429 rate_limit_exceeded', '200']);
    expect(wrapper.findAll('td[data-col="costUsd"]').map((td) => td.text())).toEqual(['–', '$0.50 (cache hit)']);
    expect(wrapper.text()).not.toContain('The first');
  });

  it('says how many requests it lists when the session has more than one answer holds', async () => {
    const session = { __typename: 'SessionDetail', ...ROW, requests: 900, events: [EVENT] };
    const { wrapper } = await mountAt('/sessions/sess-1', () => ({ data: { session } }), SessionDetail, { sessionId: 'sess-1' });
    await flushPromises();
    expect(wrapper.text()).toContain('The first 1 of 900 requests.');
  });

  it('says so when the session is not in view', async () => {
    const { wrapper } = await mountAt('/sessions/nope', () => ({ data: { session: null } }), SessionDetail, { sessionId: 'nope' });
    await flushPromises();
    expect(wrapper.text()).toContain('This session has no requests in this range and filter.');
  });
});

describe('session formatting', () => {
  it('keeps an order the sessions list knows and replaces any other by last active first', () => {
    expect(sessionOrder({ field: 'DURATION', direction: 'ASC' })).toEqual({ field: 'DURATION', direction: 'ASC' });
    expect(sessionOrder({ field: 'COST_SHARE', direction: 'ASC' })).toEqual({ field: 'LAST_ACTIVE', direction: 'DESC' });
  });

  it('shows an event time to the second in the filter timezone', () => {
    expect(formatTime('2026-11-20T09:00:05.000Z', 'Europe/Berlin')).toBe('Nov 20, 10:00:05');
    expect(formatTime(null)).toBe('–');
  });
});
