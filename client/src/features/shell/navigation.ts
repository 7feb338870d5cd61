import { can, type Permission } from '../../lib/permissions';
import type { Role } from '../../lib/session';

export interface NavItem {
  to: string;
  label: string;
  permission?: Permission;
}
export interface NavGroup {
  label: string;
  items: NavItem[];
}

const groups: NavGroup[] = [
  {
    label: 'Usage',
    items: [
      { to: '/', label: 'Overview' },
      { to: '/reports/agents', label: 'Reports' },
      { to: '/sessions', label: 'Sessions' },
      { to: '/agents', label: 'Agents' },
      { to: '/prompts-tools', label: 'Prompts & tools' },
      { to: '/live', label: 'Live' },
      { to: '/alerts', label: 'Alerts' },
    ],
  },
  {
    label: 'Admin',
    items: [
      { to: '/schedules', label: 'Report schedules', permission: 'admin' },
      { to: '/admin/api-keys', label: 'API keys', permission: 'admin' },
      { to: '/admin/members', label: 'Members', permission: 'admin' },
      { to: '/admin/sub-accounts', label: 'Sub-accounts', permission: 'admin' },
      { to: '/admin/audit', label: 'Audit log', permission: 'admin' },
    ],
  },
];

/** The menu a role sees: entries it may not open are left out, and so are empty groups. */
export function navigationFor(role: Role | null): NavGroup[] {
  return groups
    .map((g) => ({ ...g, items: g.items.filter((i) => !i.permission || can(role, i.permission)) }))
    .filter((g) => g.items.length > 0);
}
