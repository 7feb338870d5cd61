import type { ExecutionResult } from 'graphql';

/**
 * Live payloads that read the same for every subscriber (a view's snapshot, a stored event) are
 * marked here, so the GraphQL execution of one event for one operation text and variables is done
 * once and its result reused for every subscriber that sent the same operation: a snapshot sent
 * to 2,500 dashboards is executed once, not 2,500 times. Only payloads whose fields depend on
 * nothing but the payload itself may be marked (not, e.g., report runs, masked per caller).
 */
const shared = new WeakSet<object>();
const results = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

export function markShared<T extends object>(payload: T): T {
  shared.add(payload);
  return payload;
}

/** The object to cache on, and what else tells results apart (a tail's `skipped` count). */
function cacheSlot(root: unknown): { on: object; extra: string } | null {
  if (!root || typeof root !== 'object') return null;
  if (shared.has(root)) return { on: root, extra: '' };
  const { item, skipped } = root as { item?: unknown; skipped?: unknown };
  if (item && typeof item === 'object' && shared.has(item)) return { on: item, extra: String(skipped ?? '') };
  return null;
}

/**
 * Runs `execute` for `root`, or reuses the result of the same operation (`operationKey`: its text
 * and variables) on the same shared payload. Results live as long as the payload does.
 */
export function executeShared(root: unknown, operationKey: string | null, execute: () => ExecutionResult | Promise<ExecutionResult>): ExecutionResult | Promise<ExecutionResult> {
  const slot = operationKey === null ? null : cacheSlot(root);
  if (!slot) return execute();
  let byOperation = results.get(slot.on);
  if (!byOperation) results.set(slot.on, (byOperation = new Map()));
  const key = `${operationKey}\u0000${slot.extra}`;
  let result = byOperation.get(key);
  if (!result) byOperation.set(key, (result = execute()));
  return result;
}
