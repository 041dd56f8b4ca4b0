import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue.js';

const collect = async <T>(queue: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of queue) items.push(item);
  return items;
};

describe('BoundedQueue', () => {
  it('hands items over in order and ends after close', async () => {
    const queue = new BoundedQueue<number>(2);
    const consumed = collect(queue);
    for (let i = 0; i < 10; i += 1) await queue.push(i);
    queue.close();
    expect(await consumed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('makes the producer wait while the queue is full', async () => {
    const queue = new BoundedQueue<number>(2);
    await queue.push(1);
    await queue.push(2);
    let pushed = false;
    const third = queue.push(3).then(() => (pushed = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pushed).toBe(false);
    const iterator = queue[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    await third;
    expect(pushed).toBe(true);
  });

  it('stops both sides on failure', async () => {
    const queue = new BoundedQueue<number>(1);
    await queue.push(1);
    const blocked = queue.push(2);
    const error = new Error('consumer failed');
    queue.fail(error);
    queue.fail(new Error('later failures are ignored'));
    await expect(blocked).rejects.toBe(error);
    await expect(queue.push(3)).rejects.toBe(error);
    await expect(collect(queue)).rejects.toBe(error);
  });

  it('wakes a waiting consumer on failure', async () => {
    const queue = new BoundedQueue<number>(1);
    const consumed = collect(queue);
    const error = new Error('producer failed');
    queue.fail(error);
    await expect(consumed).rejects.toBe(error);
  });
});
