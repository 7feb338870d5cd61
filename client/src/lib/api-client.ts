import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/vue';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export interface ApiClient {
  client: Client;
  /** Closes the WebSocket; the client is replaced whenever the token changes. */
  dispose(): void;
}

export interface ApiClientOptions {
  token: string | null;
  /** Origin of the API, e.g. http://localhost:4000; defaults to the page's own origin. */
  origin?: string;
  /** Called when the server no longer accepts the token (expired or revoked session). */
  onUnauthenticated?: () => void;
}

/**
 * urql over HTTP POST for queries and mutations and graphql-ws for subscriptions, on the same
 * /graphql path. POST, because Apollo's CSRF prevention rejects urql's default GET queries.
 */
export function createApiClient({ token, origin = globalThis.location?.origin ?? 'http://localhost', onUnauthenticated }: ApiClientOptions): ApiClient {
  const authorization = token ? `Bearer ${token}` : undefined;
  let ws: WsClient | null = null;
  const wsClient = () =>
    (ws ??= createWsClient({
      url: `${origin.replace(/^http/, 'ws')}/graphql`,
      connectionParams: authorization ? { authorization } : {},
      // Reconnect after a server restart or a dropped network; subscriptions resume by themselves.
      retryAttempts: Infinity,
      shouldRetry: () => true,
    }));

  const client = new Client({
    url: `${origin}/graphql`,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => ({ headers: authorization ? { authorization } : ({} as Record<string, string>) }),
    exchanges: [
      mapExchange({
        onError(error) {
          const unauthenticated = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          if (unauthenticated && token) onUnauthenticated?.();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = wsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    dispose() {
      void ws?.dispose();
      ws = null;
    },
  };
}
