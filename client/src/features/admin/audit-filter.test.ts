import { describe, expect, it } from 'vitest';
import { auditCsvParams, auditFilter, auditQueryFrom } from './audit-filter';

describe('the audit log filter', () => {
  it('reads the URL and ignores malformed days', () => {
    expect(auditQueryFrom({ actorEmail: ' a@x.test ', from: '2026-11-01', to: 'yesterday' })).toEqual({ actorEmail: 'a@x.test', action: undefined, targetType: undefined, from: '2026-11-01', to: undefined });
  });

  it('includes the last day and splits action families', () => {
    expect(auditFilter({ action: 'member.*, apiKey.create', from: '2026-11-01', to: '2026-11-02' })).toMatchObject({
      actions: ['member.*', 'apiKey.create'],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
  });

  it('gives the CSV export the same filter', () => {
    expect(auditCsvParams({ action: 'member.*', targetType: 'member' }).toString()).toBe('action=member.*&targetType=member');
  });
});
