import { computed, reactive, readonly } from 'vue';

export type Role = 'ADMIN' | 'MEMBER' | 'VIEWER';
export interface SessionMember {
  id: string;
  email: string;
  role: Role;
}
interface SessionState {
  token: string | null;
  member: SessionMember | null;
}

/**
 * The signed-in member and their token, kept in localStorage so a reload keeps the session.
 * The token is only a bearer credential: the server checks every request, so a stale role here
 * can at worst show a menu entry that then answers FORBIDDEN.
 */
const STORAGE_KEY = 'tokentally.session';

function load(): SessionState {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as SessionState;
      if (typeof parsed.token === 'string') return parsed;
    }
  } catch {
    // A corrupt entry is the same as none.
  }
  return { token: null, member: null };
}

const state = reactive<SessionState>(load());

function persist() {
  if (state.token) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(state));
  else globalThis.localStorage?.removeItem(STORAGE_KEY);
}

export function signIn(token: string, member: SessionMember) {
  state.token = token;
  state.member = { id: member.id, email: member.email, role: member.role };
  persist();
}

export function updateMember(member: SessionMember) {
  if (!state.token) return;
  state.member = { id: member.id, email: member.email, role: member.role };
  persist();
}

export function signOut() {
  state.token = null;
  state.member = null;
  persist();
}

export const session = readonly(state);
export const isSignedIn = computed(() => !!state.token);
export const role = computed<Role | null>(() => state.member?.role ?? null);
