/**
 * First in, first out, at most `capacity` items waiting: `push` waits while the queue is full, the
 * consumer iterates with `for await`. `close` ends the iteration once the items are taken; `fail`
 * makes the next `push` and the next step of the iteration throw (the other side stops early).
 */
export class BoundedQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private isClosed = false;
  private failure: { error: unknown } | undefined;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
  }

  async push(item: T): Promise<void> {
    while (!this.failure && this.items.length >= this.capacity) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    }
    if (this.failure) throw this.failure.error;
    if (this.isClosed) throw new Error('push after close');
    this.items.push(item);
    this.wake('consumer');
  }

  close(): void {
    this.isClosed = true;
    this.wake('consumer');
  }

  /** The first failure wins; later ones are ignored. */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.wake('consumer');
    this.wake('producer');
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (this.items.length > 0) {
        const item = this.items.shift()!;
        this.wake('producer');
        yield item;
        continue;
      }
      if (this.isClosed) return;
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }

  private wake(side: 'consumer' | 'producer'): void {
    const wake = side === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (side === 'consumer') this.wakeConsumer = undefined;
    else this.wakeProducer = undefined;
    wake?.();
  }
}
