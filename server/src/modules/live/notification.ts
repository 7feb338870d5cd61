/**
 * What instances tell each other over PostgreSQL NOTIFY on one channel. A notification announces
 * batches (never their rows: a payload must stay under 8000 bytes) or carries a small topic
 * message (ids only; receivers load what they need).
 */
export const LIVE_CHANNEL = 'tokentally_live';
export const MAX_PAYLOAD_BYTES = 7900;

export interface BatchNotice {
  kind: 'batches';
  /** The instance that stored the batches; it delivered them itself already. */
  origin: string;
  tenantId: number;
  /** Organizations the events belong to, or null when the list would not fit. */
  orgIds: number[] | null;
  /** ingested_at of each batch, in µs since the epoch: one transaction's rows share it. */
  ingestedAtUs: number[];
  events: number;
  /** Earliest and latest event timestamp of the batches (ms), to narrow the fetch. */
  tsMinMs: number;
  tsMaxMs: number;
}

export interface TopicNotice {
  kind: 'topic';
  origin: string;
  topic: string;
  payload: Record<string, unknown>;
}

export type LiveNotice = BatchNotice | TopicNotice;

export function encodeNotice(n: LiveNotice): string {
  let text = JSON.stringify(n);
  if (Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES) return text;
  if (n.kind === 'batches' && n.orgIds) {
    text = JSON.stringify({ ...n, orgIds: null });
    if (Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES) return text;
  }
  throw new Error(`live notification of ${Buffer.byteLength(text)} bytes exceeds the NOTIFY limit; split it`);
}

/**
 * Splits batches of one tenant into notices that each fit: a busy process announces many
 * transactions at once, ~17 bytes each.
 */
export function batchNotices(base: Omit<BatchNotice, 'kind' | 'ingestedAtUs'>, ingestedAtUs: number[], perNotice = 300): BatchNotice[] {
  const out: BatchNotice[] = [];
  for (let i = 0; i < ingestedAtUs.length; i += perNotice) {
    out.push({ kind: 'batches', ...base, ingestedAtUs: ingestedAtUs.slice(i, i + perNotice) });
  }
  return out;
}

/** Parses a notification; null for anything this version does not understand. */
export function decodeNotice(text: string | undefined): LiveNotice | null {
  if (!text) return null;
  try {
    const n = JSON.parse(text) as LiveNotice;
    if (n && (n.kind === 'batches' || n.kind === 'topic') && typeof n.origin === 'string') return n;
  } catch {
    // A foreign or truncated payload: ignore it.
  }
  return null;
}
