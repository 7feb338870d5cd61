/**
 * Per-subscriber buffers between the shared fan-out and one socket. graphql-ws pulls the next
 * value only after the previous message was handed to the socket, so a client that reads slowly
 * makes its own buffer fill up, never anyone else's, and never the ingest path.
 */

type Waiter<T> = (result: IteratorResult<T>) => void;

abstract class PullIterator<T> implements AsyncIterableIterator<T> {
  private waiter: Waiter<T> | null = null;
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  /** The next value if one is ready now. */
  protected abstract take(): T | undefined;

  /** Subclasses call this when a value may be ready. */
  protected wake(): void {
    if (!this.waiter || this.closed) return;
    const value = this.take();
    if (value === undefined) return;
    const w = this.waiter;
    this.waiter = null;
    w({ value, done: false });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    const value = this.take();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /** Called by graphql-ws when the client completes the subscription or disconnects. */
  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(err);
  }

  /** Ends the stream (the subscriber left, or the server stops) and frees its resources. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.dispose();
    this.onClose();
    const w = this.waiter;
    this.waiter = null;
    w?.({ value: undefined, done: true });
  }

  protected dispose(): void {}

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/**
 * A bounded FIFO for a live tail. When full, the oldest item is dropped and counted; the next
 * item delivered carries how many were dropped just before it.
 */
export class DropOldestQueue<T> extends PullIterator<{ item: T; skipped: number }> {
  private readonly items: T[] = [];
  private head = 0;
  private skipped = 0;
  /** Every item dropped since the subscription began. */
  totalSkipped = 0;

  constructor(
    private readonly capacity: number,
    onClose: () => void,
  ) {
    super(onClose);
  }

  push(item: T): void {
    if (this.isClosed) return;
    if (this.items.length - this.head >= this.capacity) {
      this.head++;
      this.skipped++;
      this.totalSkipped++;
    }
    this.items.push(item);
    // Compact now and then instead of shifting on every drop.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    this.wake();
  }

  get length(): number {
    return this.items.length - this.head;
  }

  protected take(): { item: T; skipped: number } | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    }
    const skipped = this.skipped;
    this.skipped = 0;
    return { item, skipped };
  }

  protected override dispose(): void {
    this.items.length = 0;
    this.head = 0;
  }
}

/**
 * Holds only the latest value (a newer snapshot replaces an unsent one) and delivers at most one
 * value per `minIntervalMs`: a value that comes sooner waits, and is replaced if a newer one comes.
 */
export class LatestValueSlot<T> extends PullIterator<T> {
  private value: T | undefined;
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number,
    onClose: () => void,
  ) {
    super(onClose);
  }

  set(value: T): void {
    if (this.isClosed) return;
    this.value = value;
    this.wake();
  }

  protected take(): T | undefined {
    if (this.value === undefined) return undefined;
    const wait = this.lastSentAt + this.minIntervalMs - this.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.wake();
      }, wait);
      return undefined;
    }
    const v = this.value;
    this.value = undefined;
    this.lastSentAt = this.now();
    return v;
  }

  protected override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.value = undefined;
  }
}
