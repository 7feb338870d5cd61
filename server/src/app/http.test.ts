import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { httpErrorHandler, requestLogger } from './http.js';

/** The HTTP edge on its own: the error body of the contract and one log line per request. */
describe('HTTP edge', () => {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  const server = createServer(
    express()
      .use(requestLogger(log))
      .use(express.json({ limit: 100 }))
      .get('/ok', (_req, res) => void res.json({ ok: true }))
      .get('/missing', () => {
        throw new DomainError('NOT_FOUND', 'Thing "x" was not found.', { thing: 'x' });
      })
      .get('/boom', () => {
        throw new Error('database password is hunter2');
      })
      .post('/echo', (req, res) => void res.json(req.body))
      .use(httpErrorHandler(log)),
  );
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(url + path, init);
    return { status: res.status, body: await res.json() };
  };

  it('answers a domain error with its status and the contract body', async () => {
    expect(await get('/missing')).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Thing "x" was not found.', details: { thing: 'x' } } } });
  });

  it('masks an unexpected error and logs it in full', async () => {
    expect(await get('/boom')).toEqual({ status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } } });
    expect(lines.some((l) => l.msg === 'unexpected error in an HTTP request' && JSON.stringify(l).includes('hunter2'))).toBe(true);
  });

  it('turns body-parser failures into 400 and 413 with the contract body', async () => {
    const post = (body: string) => get('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await post('{"a":')).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    expect(await post(JSON.stringify({ a: 'x'.repeat(200) }))).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
  });

  it('logs each request with method, path, status and duration, never the query string', async () => {
    await get('/ok?token=secret');
    const line = lines.find((l) => l.path === '/ok');
    expect(line).toMatchObject({ level: 20, msg: 'request', method: 'GET', status: 200, ms: expect.any(Number) });
    expect(JSON.stringify(lines)).not.toContain('token=secret');
    expect(lines.find((l) => l.path === '/missing')).toMatchObject({ level: 30, msg: 'request refused', status: 404 });
    expect(lines.find((l) => l.path === '/boom' && l.msg === 'request failed')).toMatchObject({ level: 50, status: 500 });
  });
});
