import { createApp, shallowRef, watch } from 'vue';
import urql from '@urql/vue';
import App from './App.vue';
import { createApiClient } from './lib/api-client';
import { createAppRouter } from './lib/router';
import { session, signOut } from './lib/session';
import { applyTheme } from './lib/theme';
import './styles/main.css';

const router = createAppRouter();

// One urql client per token: signing in or out replaces it (and its WebSocket, whose
// connection_init carries the token).
function clientFor(token: string | null) {
  return createApiClient({
    token,
    onUnauthenticated() {
      signOut();
      void router.replace({ name: 'sign-in', query: { redirect: router.currentRoute.value.fullPath } });
    },
  });
}
let api = clientFor(session.token);
const client = shallowRef(api.client);
watch(
  () => session.token,
  (token) => {
    api.dispose();
    api = clientFor(token);
    client.value = api.client;
  },
);

applyTheme();
createApp(App).use(router).use(urql, client).mount('#app');
