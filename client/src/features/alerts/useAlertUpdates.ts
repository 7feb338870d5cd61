import { useSubscription } from '@urql/vue';
import { AlertFiredDocument } from './alerts.documents';

/** Calls `reload` whenever the server fires or resolves an alert (any instance, the viewer's scope). */
export function useAlertUpdates(reload: () => void): void {
  useSubscription({ query: AlertFiredDocument }, (_prev, data) => {
    reload();
    return data;
  });
}
