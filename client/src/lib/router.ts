import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { can, type Permission } from './permissions';
import { isSignedIn, role } from './session';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Reachable without signing in. */
    public?: boolean;
    /** Needed to open the page; the server enforces it as well. */
    permission?: Permission;
    /** Shows the usage filter bar (its state lives in the URL query). */
    filters?: boolean;
    /** The page has its own time window (live): the filter bar hides the timeframe. */
    timeless?: boolean;
  }
}

// Pages are split into their own chunks so the first load carries only the shell.
const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('../pages/SignInPage.vue'), meta: { title: 'Sign in', public: true } },
  { path: '/', name: 'overview', component: () => import('../pages/OverviewPage.vue'), meta: { title: 'Overview', filters: true } },
  { path: '/reports', redirect: { name: 'report', params: { report: 'agents' } } },
  { path: '/reports/:report(agents|users|models|sub-accounts)', name: 'report', component: () => import('../pages/ReportsPage.vue'), meta: { title: 'Reports', filters: true } },
  { path: '/sessions', name: 'sessions', component: () => import('../pages/SessionsPage.vue'), meta: { title: 'Sessions', filters: true } },
  { path: '/sessions/:id', name: 'session', component: () => import('../pages/SessionPage.vue'), meta: { title: 'Session', filters: true } },
  { path: '/agents', name: 'agents', component: () => import('../pages/AgentsPage.vue'), meta: { title: 'Agents', filters: true } },
  { path: '/prompts-tools', name: 'prompts-tools', component: () => import('../pages/PromptsToolsPage.vue'), meta: { title: 'Prompts & tools', filters: true } },
  { path: '/live', name: 'live', component: () => import('../pages/LivePage.vue'), meta: { title: 'Live', filters: true, timeless: true } },
  { path: '/alerts', name: 'alerts', component: () => import('../pages/AlertsPage.vue'), meta: { title: 'Alerts' } },
  { path: '/schedules', name: 'schedules', component: () => import('../pages/SchedulesPage.vue'), meta: { title: 'Report schedules', permission: 'admin' } },
  { path: '/schedules/new', name: 'schedule-new', component: () => import('../pages/ScheduleEditPage.vue'), meta: { title: 'New report schedule', permission: 'admin' } },
  { path: '/schedules/:id', name: 'schedule-edit', component: () => import('../pages/ScheduleEditPage.vue'), meta: { title: 'Report schedule', permission: 'admin' } },
  { path: '/admin', redirect: { name: 'admin-api-keys' } },
  { path: '/admin/api-keys', name: 'admin-api-keys', component: () => import('../pages/admin/ApiKeysPage.vue'), meta: { title: 'API keys', permission: 'admin' } },
  { path: '/admin/members', name: 'admin-members', component: () => import('../pages/admin/MembersPage.vue'), meta: { title: 'Members', permission: 'admin' } },
  { path: '/admin/sub-accounts', name: 'admin-sub-accounts', component: () => import('../pages/admin/SubAccountsPage.vue'), meta: { title: 'Sub-accounts', permission: 'admin' } },
  { path: '/admin/audit', name: 'admin-audit', component: () => import('../pages/admin/AuditLogPage.vue'), meta: { title: 'Audit log', permission: 'admin' } },
  { path: '/forbidden', name: 'forbidden', component: () => import('../pages/ForbiddenPage.vue'), meta: { title: 'Not allowed' } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('../pages/NotFoundPage.vue'), meta: { title: 'Not found' } },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  router.beforeEach((to) => {
    if (!to.meta.public && !isSignedIn.value) return { name: 'sign-in', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
    if (to.name === 'sign-in' && isSignedIn.value) return { name: 'overview' };
    if (to.meta.permission && !can(role.value, to.meta.permission)) return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Tokentally` : 'Tokentally';
  });
  return router;
}
