import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLError } from 'graphql';
import { CloseCode, type Context as WsContext } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Services } from '../../app/services.js';
import type { Context } from '../../graphql/context.js';
import { formatError } from '../../graphql/errors.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { can, type Principal } from '../accounts/access.js';
import { executeShared } from './shared-results.js';

/** graphql-transport-ws close codes: no or bad credentials, and credentials without READ. */
export const CLOSE_UNAUTHORIZED = CloseCode.Unauthorized; // 4401
export const CLOSE_FORBIDDEN = CloseCode.Forbidden; // 4403

type Socket = Extra['socket'];
type Ctx = WsContext<Record<string, unknown> | undefined, Extra>;

interface Connection {
  socket: Socket;
  authorization: string;
  principal: Principal;
}

/**
 * Authentication of graphql-ws connections, once in `connection_init`: missing or bad credentials
 * close the socket with 4401, credentials without READ with 4403, each with a reason that says
 * what to fix. Open connections are checked again every minute (sign-out, revoked key, expiry),
 * once per distinct token however many sockets share it.
 */
export class LiveConnections {
  private readonly open = new Map<Socket, Connection>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly services: Services,
    recheckMs = 60_000,
  ) {
    this.sweep = setInterval(() => void this.recheck(), recheckMs);
    this.sweep.unref();
    services.live.trackConnections(this);
  }

  /** graphql-ws `onConnect`: false refuses (after closing with our own code and reason). */
  onConnect = async (ctx: Ctx): Promise<boolean> => {
    const socket = ctx.extra.socket;
    const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    const authorization = typeof raw === 'string' ? raw : null;
    const outcome = await this.authenticate(authorization);
    if ('code' in outcome) {
      socket.close(outcome.code, closeReason(outcome.reason));
      return false; // graphql-ws then closes with 4403, a no-op on a socket already closing
    }
    this.open.set(socket, { socket, authorization: authorization!, principal: outcome.principal });
    socket.once('close', () => this.open.delete(socket));
    return true;
  };

  /** The caller of an acknowledged connection. */
  principalOf(socket: Socket): Principal | null {
    return this.open.get(socket)?.principal ?? null;
  }

  /**
   * graphql-ws `context`, per operation: the connection's caller (authenticated once, in
   * connection_init) and an EntityManager forked only if a resolver asks for one. A subscription
   * keeps its context as long as it runs, so an eager fork (with the entities auth loaded) would
   * cost memory per open subscription for nothing.
   */
  context = (ctx: Ctx): Context => {
    const conn = this.open.get(ctx.extra.socket);
    return withLazyEm({ principal: conn?.principal ?? null, authError: null, token: conn ? bearerToken(conn.authorization) : null, services: this.services });
  };

  get count(): number {
    return this.open.size;
  }

  private async authenticate(authorization: string | null): Promise<{ principal: Principal } | { code: number; reason: string }> {
    try {
      const principal = await this.services.auth.authenticate(this.services.orm.em.fork(), authorization);
      if (!principal) return { code: CLOSE_UNAUTHORIZED, reason: 'Unauthorized: send {"authorization": "Bearer <token>"} in connection_init' };
      if (!can(principal, 'read')) {
        const reason = principal.kind === 'apiKey' ? 'Forbidden: this API key lacks the READ scope' : 'Forbidden: your role cannot read usage';
        return { code: CLOSE_FORBIDDEN, reason };
      }
      return { principal };
    } catch (err) {
      if (err instanceof DomainError) return { code: CLOSE_UNAUTHORIZED, reason: `Unauthorized: ${err.message}` };
      throw err;
    }
  }

  /** Closes connections whose token stopped working. */
  async recheck(): Promise<void> {
    const byToken = new Map<string, Connection[]>();
    for (const c of this.open.values()) {
      const list = byToken.get(c.authorization);
      if (list) list.push(c);
      else byToken.set(c.authorization, [c]);
    }
    for (const [authorization, conns] of byToken) {
      const outcome = await this.authenticate(authorization).catch(() => null); // a database hiccup is not a revocation
      if (!outcome || !('code' in outcome)) continue;
      for (const c of conns) c.socket.close(outcome.code, closeReason(outcome.reason));
    }
  }

  dispose(): void {
    clearInterval(this.sweep);
  }
}

/**
 * A context whose `em` is a new fork, made on first use: most subscription events (usage figures,
 * event payloads) never touch the ORM, and a fork per delivered message would cost CPU for nothing.
 * Built on `base` as prototype, so its other fields (caller, services) are shared, not copied.
 */
function withLazyEm(base: Omit<Context, 'em'>): Context {
  let em: Context['em'] | undefined;
  return Object.create(base, {
    em: { enumerable: true, get: () => (em ??= base.services.orm.em.fork()) },
  }) as Context;
}

function bearerToken(authorization: string): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : null;
}

/** WebSocket close reasons are limited to 123 bytes. */
function closeReason(reason: string): string {
  let r = reason;
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -2) + '…';
  return r;
}

/**
 * graphql-js `subscribe`, except that each event is executed with a copy of the operation's
 * context holding a fresh EntityManager fork: graphql-ws builds one context per operation, and an
 * identity map must not live as long as a subscription (stale entities, growing memory).
 * Events whose payload is the same for everyone are executed once per distinct operation
 * (shared-results.ts). Written as a plain iterator, not an async generator: a generator's `return()` waits for the
 * pending `next()`, so a quiet subscription would never be released on disconnect.
 */
export async function subscribeWithFreshContext(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const source = stream as AsyncIterableIterator<unknown>;
  const base = args.contextValue as Context;
  const text = args.document.loc?.source.body;
  const operationKey = text === undefined ? null : `${args.operationName ?? ''}\u0000${text}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  const run = (payload: unknown) =>
    executeShared(payload, operationKey, () => execute({ ...args, rootValue: payload, contextValue: withLazyEm(base) }) as ExecutionResult | Promise<ExecutionResult>);
  const done = async (): Promise<IteratorResult<ExecutionResult>> => {
    await source.return?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const r = await source.next();
      return r.done ? { value: undefined, done: true } : { value: await run(r.value), done: false };
    },
    return: done,
    async throw(err: unknown) {
      await done();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * The same error boundary as HTTP for graphql-ws messages: domain errors keep their code
 * (BAD_USER_INPUT, FORBIDDEN, …), anything else is logged and masked.
 */
export function wsErrorFormatting(log: Logger) {
  const format = formatError(log);
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => format(e.toJSON(), e));
  return {
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult): FormattedExecutionResult | undefined =>
      result.errors?.length ? { ...result, errors: formatAll(result.errors) } : undefined,
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => formatAll(errors),
  };
}
