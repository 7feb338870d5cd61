import { inject, provide, type ComputedRef, type InjectionKey } from 'vue';

export interface ViewerOrganization {
  id: string;
  name: string;
  timezone: string;
  isSubAccount: boolean;
  creditsPerUsd: number;
}

const key: InjectionKey<ComputedRef<ViewerOrganization | null>> = Symbol('organization');

/** The signed-in member's organization, loaded once by the shell and shared with every page. */
export function provideOrganization(org: ComputedRef<ViewerOrganization | null>) {
  provide(key, org);
}
export function useOrganization(): ComputedRef<ViewerOrganization | null> | null {
  return inject(key, null);
}
