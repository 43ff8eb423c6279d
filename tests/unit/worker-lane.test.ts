import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { laneAfter, laneQueue, startLane } from '../../src/lib/worker-lane.ts';

const FIXTURE = new URL('./fixtures/double-lane.ts', import.meta.url);

describe('startLane', () => {
  it('has no room until the worker is set up, then until it holds `queue` jobs', async () => {
    const lane = startLane<number, number>(FIXTURE, { delayMs: 200 }, 2);
    expect(lane.loaded).toBe(false);
    expect(lane.hasRoom).toBe(false);
    await lane.ready;
    expect(lane.hasRoom).toBe(true);
    const first = lane.run(1);
    expect(lane.hasRoom).toBe(true);
    const second = lane.run(2);
    expect(lane.hasRoom).toBe(false);
    expect(await Promise.all([first, second])).toEqual([2, 4]);
    expect(lane.hasRoom).toBe(true);
    await lane.stop();
  });

  it('rejects a job with the error the worker threw, and keeps serving', async () => {
    const lane = startLane<number, number>(FIXTURE, { delayMs: 0 }, 4);
    await lane.ready;
    await expect(lane.run(-1)).rejects.toThrow('음수는 안 됩니다: -1');
    expect(await lane.run(21)).toBe(42);
    await lane.stop();
  });

  it('takes no job once stopped', async () => {
    const lane = startLane<number, number>(FIXTURE, { delayMs: 0 }, 4);
    await lane.ready;
    await lane.stop();
    expect(lane.hasRoom).toBe(false);
    await expect(lane.run(1)).rejects.toThrow('작업 스레드가 이미 멈췄습니다');
  });

  it('fails its jobs and its start when the worker dies', async () => {
    const lane = startLane<number, number>(
      new URL('./fixtures/no-such-lane.ts', import.meta.url),
      {},
      4,
    );
    await expect(lane.ready).rejects.toThrow();
    expect(lane.hasRoom).toBe(false);
  });
});

describe('laneAfter', () => {
  it('keeps the first jobs for the caller, then starts the lane and hands it out', async () => {
    const failures: unknown[] = [];
    const lanes = laneAfter(
      () => startLane<number, number>(FIXTURE, { delayMs: 0 }, 4),
      3,
      (error) => failures.push(error),
    );
    expect(lanes.take()).toBeUndefined();
    expect(lanes.take()).toBeUndefined();
    expect(lanes.started).toBeUndefined();
    expect(lanes.take()).toBeUndefined();
    expect(lanes.started).toBeDefined();
    await lanes.started!.ready;
    expect(await lanes.take()!.run(5)).toBe(10);
    await lanes.started!.stop();
    expect(failures).toEqual([]);
  });

  it('reports a lane that cannot start and leaves every job to the caller', () => {
    const failures: unknown[] = [];
    const lanes = laneAfter(
      () => startLane<number, number>(FIXTURE, { cannotBeSent: () => {} }, 4),
      1,
      (error) => failures.push(error),
    );
    expect(lanes.take()).toBeUndefined();
    expect(lanes.take()).toBeUndefined();
    expect(lanes.started).toBeUndefined();
    expect(failures).toHaveLength(1);
  });
});

describe('laneQueue', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the queue given, none with ARCHIVE_RENDER_WORKER=0, endless with =all', () => {
    vi.stubEnv('ARCHIVE_RENDER_WORKER', '');
    // A one-core machine has no second lane.
    expect(laneQueue(8)).toBe(availableParallelism() > 1 ? 8 : undefined);
    vi.stubEnv('ARCHIVE_RENDER_WORKER', '0');
    expect(laneQueue(8)).toBeUndefined();
    vi.stubEnv('ARCHIVE_RENDER_WORKER', 'all');
    expect(laneQueue(8)).toBe(Infinity);
  });
});
