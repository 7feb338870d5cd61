import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('starts from working defaults: embedded database, demo data, port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, embeddedDatabase: true, seedDemo: true, INGEST_RATE_LIMIT_PER_MINUTE: 1200, DATA_DIR: '.data' });
  });

  it('uses DATABASE_URL when set, and then loads no demo data unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x' })).toMatchObject({ embeddedDatabase: false, seedDemo: false });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/x', SEED_DEMO: 'true' })).toMatchObject({ seedDemo: true });
  });

  it('treats empty and blank values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ PORT: 4000, embeddedDatabase: true });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['ADMIN_EMAIL', 'not-an-email'],
    ['ADMIN_PASSWORD', 'short'],
    ['SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['INGEST_RATE_LIMIT_PER_MINUTE', '0'],
    ['SMTP_URL', 'http://mail'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('reports every bad setting at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(/PORT: .*\n {2}DATABASE_URL: /s);
  });
});
