import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

const labels = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).flatMap((g) => g.items.map((i) => i.label));

describe('role-aware navigation', () => {
  it('shows admins the admin pages', () => {
    expect(labels('ADMIN')).toEqual(expect.arrayContaining(['Overview', 'API keys', 'Members', 'Report schedules', 'Audit log']));
  });

  it('hides the admin group from members and viewers', () => {
    for (const role of ['MEMBER', 'VIEWER'] as const) {
      expect(navigationFor(role).map((g) => g.label)).toEqual(['Usage']);
      expect(labels(role)).not.toContain('API keys');
    }
  });
});
