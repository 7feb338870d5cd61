import { ref, watchEffect } from 'vue';

/** Light or dark, remembered per browser; the first visit follows the system setting. */
type Theme = 'light' | 'dark';
const KEY = 'tokentally.theme';
const stored = globalThis.localStorage?.getItem(KEY) as Theme | null;
const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
export const theme = ref<Theme>(stored ?? (prefersDark ? 'dark' : 'light'));

export function applyTheme() {
  watchEffect(() => {
    document.documentElement.dataset.theme = theme.value;
  });
}
export function toggleTheme() {
  theme.value = theme.value === 'dark' ? 'light' : 'dark';
  globalThis.localStorage?.setItem(KEY, theme.value);
}
