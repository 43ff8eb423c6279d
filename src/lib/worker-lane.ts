/**
 * A second lane for CPU work: a worker thread that takes a job whenever it holds fewer than
 * `queue` of them, while the caller does the others on its own thread. Used where Astro
 * works on one thread of a two-core build machine: the Markdown of the content sync
 * (src/data/article-loader.ts).
 *
 * The worker module calls `serveLane` with its job handler once it is set up; until then,
 * and after it stopped, the lane has no room and the caller keeps the work (with an endless
 * queue, the caller waits for `ready` first).
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * How many jobs a lane may hold: `queue`, or none (undefined: no lane) on a one-core machine
 * or with ARCHIVE_RENDER_WORKER=0, or all of them with ARCHIVE_RENDER_WORKER=all (tests
 * compare the three; =0 also turns off Astro's page workers, astro.config.mjs).
 */
export function laneQueue(queue: number): number | undefined {
  const mode = process.env.ARCHIVE_RENDER_WORKER;
  if (mode === 'all') return Infinity;
  return mode === '0' || availableParallelism() < 2 ? undefined : queue;
}

type FromLane<Reply> =
  | { type: 'ready' }
  | { type: 'done'; id: number; reply: Reply }
  | { type: 'failed'; id: number; error: unknown };

export interface Lane<Job, Reply> {
  /** Settles when the worker is set up (rejects if it failed first). */
  ready: Promise<void>;
  readonly loaded: boolean;
  readonly hasRoom: boolean;
  /** The worker's reply to `job`; rejects with the error the handler threw, or with the
   * worker's own if it stopped first. */
  run(job: Job, transfer?: ArrayBuffer[]): Promise<Reply>;
  stop(): Promise<number>;
}

export function startLane<Job, Reply>(
  module: URL,
  workerData: unknown,
  queue: number,
): Lane<Job, Reply> {
  const worker = new Worker(module, { workerData });
  const pending = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (e: unknown) => void }
  >();
  let loaded = false;
  let stopped = false;
  let started!: () => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
  // Nobody need wait for it: an unobserved failure to start is not an error of the build.
  ready.catch(() => {});
  worker.on('message', (message: FromLane<Reply>) => {
    if (message.type === 'ready') {
      loaded = true;
      return started();
    }
    const job = pending.get(message.id)!;
    pending.delete(message.id);
    if (message.type === 'failed') job.reject(message.error);
    else job.resolve(message.reply);
  });
  // A worker that stopped takes no more jobs: those it held fail.
  const fail = (error: unknown) => {
    stopped = true;
    failed(error);
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!stopped) fail(new Error(`작업 스레드가 멈췄습니다 (종료 코드 ${code})`));
  });
  let nextId = 0;
  return {
    ready,
    get loaded() {
      return loaded;
    },
    get hasRoom() {
      return loaded && !stopped && pending.size < queue;
    },
    run(job, transfer = []) {
      if (stopped) return Promise.reject(new Error('작업 스레드가 이미 멈췄습니다'));
      const id = nextId++;
      return new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, job }, transfer);
      });
    },
    stop() {
      stopped = true;
      return worker.terminate();
    },
  };
}

/**
 * A lane that starts only once the caller has kept `after` jobs for itself: a build with
 * little to do (a warm one) never pays for loading a worker; a cold one renders its first
 * few jobs on its own thread meanwhile.
 */
export function laneAfter<Job, Reply>(
  start: () => Lane<Job, Reply>,
  after: number,
  onFailure: (error: unknown) => void,
) {
  let lane: Lane<Job, Reply> | undefined;
  let failed = false;
  let kept = 0;
  const startOnce = () => {
    if (lane || failed) return lane;
    try {
      lane = start();
      lane.ready.catch(onFailure);
    } catch (error) {
      // E.g. a setting that cannot be sent to a thread: the caller keeps every job.
      failed = true;
      onFailure(error);
    }
    return lane;
  };
  return {
    get started() {
      return lane;
    },
    /** Starts the lane now, if it has not started. */
    start: startOnce,
    /** The lane, if it has room for the next job; otherwise the job is the caller's. */
    take(): Lane<Job, Reply> | undefined {
      if (lane?.hasRoom) return lane;
      if (!lane && ++kept >= after) startOnce();
      return undefined;
    },
  };
}

/** What laneAfter returns: a caller keeps it to take lanes and to stop the started one. */
export type LaneAfter<Job, Reply> = ReturnType<typeof laneAfter<Job, Reply>>;

/** In the worker module: answers the lane's jobs with `handle`, from now on. A reply's
 * `transfer` buffers are moved, not copied. */
export function serveLane<Job, Reply>(
  handle: (job: Job) => Promise<{ reply: Reply; transfer?: ArrayBuffer[] }>,
) {
  const port = parentPort!;
  port.on('message', async ({ id, job }: { id: number; job: Job }) => {
    try {
      const { reply, transfer = [] } = await handle(job);
      port.postMessage({ type: 'done', id, reply } satisfies FromLane<Reply>, transfer);
    } catch (error) {
      port.postMessage({ type: 'failed', id, error } satisfies FromLane<Reply>);
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromLane<Reply>);
}
