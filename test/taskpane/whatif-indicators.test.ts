/**
 * The indicator runner: batches through a worker under a time limit (the worker
 * terminated and replaced when it is exceeded), mathjs on the pane's thread where
 * no worker runs, and the checks made before mathjs. Timers are jest's fake
 * timers: the limit is reached by advancing them, never by waiting.
 */
import * as indicators from '../../src/core/whatif/indicators';
import type { IndicatorBatchResult } from '../../src/core/whatif/indicators';
import {
  IndicatorEngineFailed, IndicatorRunner, IndicatorTimeout, LOAD_LIMIT_MS, precheckIndicator, TIME_LIMIT_MS, timeLimit,
  type WorkerIn, type WorkerOut,
} from '../../src/taskpane/whatif/whatif-indicators';

/** A worker that does nothing by itself: the test answers for it. */
class FakeWorker {
  onmessage: ((ev: MessageEvent<WorkerOut>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  posted: WorkerIn[] = [];
  terminated = false;
  postMessage(msg: WorkerIn): void {
    this.posted.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(msg: WorkerOut): void {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerOut>);
  }
  /** Answers the last batch as the real worker would, with the real evaluateBatch. */
  answer(): void {
    const last = this.posted[this.posted.length - 1];
    this.say({ kind: 'done', id: last.id, result: indicators.evaluateBatch(last.defs, last.scopes) });
  }
}

/** Lets the runner's awaits run. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function setup(start: () => FakeWorker | null = () => new FakeWorker()) {
  const workers: FakeWorker[] = [];
  let inPane = 0;
  const runner = new IndicatorRunner({
    start: () => {
      const w = start();
      if (w) workers.push(w);
      return w as unknown as Worker | null;
    },
    load: async () => indicators,
    onInPane: () => (inPane += 1),
  });
  return { runner, workers, inPane: () => inPane };
}

const DEF = { name: '强度', expression: 'completedYtd / totalInvestment * 100' };
const SCOPE = { completedYtd: 50, totalInvestment: 200 };

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('IndicatorRunner with a worker', () => {
  it('sends a batch once the worker is ready and gives back its values', async () => {
    const { runner, workers } = setup();
    const p = runner.run([DEF], [SCOPE]);
    await settle();
    expect(workers).toHaveLength(1);
    expect(workers[0].posted).toHaveLength(0); // not before "ready"
    workers[0].say({ kind: 'ready' });
    await settle();
    expect(workers[0].posted).toHaveLength(1);
    workers[0].answer();
    const r = await p;
    expect(r.values).toEqual([[25]]); // 50 / 200 × 100
    expect(runner.mode).toBe('worker');
  });

  it('stops a batch that passes the time limit: the worker is terminated, the next batch gets a new one', async () => {
    const { runner, workers } = setup();
    const p = runner.run([DEF], [SCOPE]);
    const caught = p.catch((e: unknown) => e);
    await settle();
    workers[0].say({ kind: 'ready' });
    await settle();
    jest.advanceTimersByTime(timeLimit(1, 1));
    const e = await caught;
    expect(e).toBeInstanceOf(IndicatorTimeout);
    expect((e as IndicatorTimeout).seconds).toBe(2); // 2000 ms + 1 × 1 × 0.02 ms, to a tenth of a second
    expect(workers[0].terminated).toBe(true);

    const next = runner.run([DEF], [SCOPE]);
    await settle();
    expect(workers).toHaveLength(2);
    workers[1].say({ kind: 'ready' });
    await settle();
    workers[1].answer();
    expect((await next).values).toEqual([[25]]);
  });

  it('ignores a late answer from a worker it stopped', async () => {
    const { runner, workers } = setup();
    const caught = runner.run([DEF], [SCOPE]).catch((e: unknown) => e);
    await settle();
    workers[0].say({ kind: 'ready' });
    await settle();
    jest.advanceTimersByTime(TIME_LIMIT_MS + 10);
    expect(await caught).toBeInstanceOf(IndicatorTimeout);
    expect(() => workers[0].answer()).not.toThrow();
  });

  it('runs batches one at a time: the second is sent when the first is answered', async () => {
    const { runner, workers } = setup();
    const a = runner.run([DEF], [SCOPE]);
    const b = runner.run([DEF], [{ completedYtd: 1, totalInvestment: 4 }]);
    await settle();
    workers[0].say({ kind: 'ready' });
    await settle();
    expect(workers[0].posted).toHaveLength(1);
    workers[0].answer();
    expect((await a).values).toEqual([[25]]);
    await settle();
    expect(workers[0].posted).toHaveLength(2);
    workers[0].answer();
    expect((await b).values).toEqual([[25]]); // 1 / 4 × 100
  });

  it('validates one definition: null when it compiles, else the problem and its position', async () => {
    const { runner, workers } = setup();
    const ok = runner.validate(DEF);
    await settle();
    workers[0].say({ kind: 'ready' });
    await settle();
    workers[0].answer();
    expect(await ok).toBeNull();
    const cases: [string, string, number][] = [
      // "cos.constructor": the accessor starts at the dot, character 4.
      ['cos.constructor("return 1")', 'indicator-not-allowed', 4],
      // Called again: mathjs refuses the empty brackets at character 29 before anything is checked.
      ['cos.constructor("return 1")()', 'indicator-syntax', 29],
      ['import({}, {override: true})', 'indicator-not-allowed', 1],
    ];
    for (const [expression, code, position] of cases) {
      const bad = runner.validate({ name: 'x', expression });
      await settle();
      workers[0].answer();
      expect(await bad).toEqual({ code, params: expect.any(Object), position });
    }
  });

  it('moves to the pane when the worker cannot load mathjs', async () => {
    const { runner, workers, inPane } = setup();
    const p = runner.run([DEF], [SCOPE]);
    await settle();
    workers[0].say({ kind: 'failed' });
    const r: IndicatorBatchResult = await p;
    expect(r.values).toEqual([[25]]);
    expect(runner.mode).toBe('pane');
    expect(inPane()).toBe(1);
    expect(workers[0].terminated).toBe(true);
  });

  it('moves to the pane when the worker has not loaded within the load limit', async () => {
    const { runner } = setup();
    const p = runner.run([DEF], [SCOPE]);
    await settle();
    jest.advanceTimersByTime(LOAD_LIMIT_MS);
    expect((await p).values).toEqual([[25]]);
    expect(runner.mode).toBe('pane');
  });
});

describe('IndicatorRunner without a worker', () => {
  it.each([
    ['start gives none', () => null],
    ['start throws', () => {
      throw new Error('no workers here');
    }],
  ])('evaluates on the pane\'s thread when %s', async (_what, start) => {
    const { runner, inPane } = setup(start as () => FakeWorker | null);
    await runner.warm();
    expect(runner.mode).toBe('pane');
    expect(inPane()).toBe(1);
    expect((await runner.run([DEF], [SCOPE])).values).toEqual([[25]]);
  });

  it('says so when mathjs cannot be loaded either', async () => {
    const runner = new IndicatorRunner({ start: () => null, load: () => Promise.reject(new Error('chunk failed')) });
    await expect(runner.run([DEF], [SCOPE])).rejects.toBeInstanceOf(IndicatorEngineFailed);
  });
});

describe('timeLimit', () => {
  it.each([
    [1, 0, 2000],
    [1, 1000, 2020], // 2000 + 1 × 1000 × 0.02
    [2, 100000, 6000], // 2000 + 2 × 100000 × 0.02 = 2000 + 4000
  ])('%i indicators on %i scopes: %i ms', (defs, scopes, ms) => {
    expect(timeLimit(defs, scopes)).toBe(ms);
  });
});

describe('precheckIndicator (no mathjs)', () => {
  it.each([
    ['资金到位率', 'fundsArrived / totalInvestment * 100', [], null],
    ['', 'annualPlan', [], 'bad-indicator-spec'],
    ['a=b', 'annualPlan', [], 'bad-indicator-spec'],
    ['x'.repeat(41), 'annualPlan', [], 'bad-indicator-spec'],
    ['得分', 'annualPlan', ['得分'], 'duplicate-indicator'],
    ['长', 'a'.repeat(501), [], 'indicator-too-long'],
    ['深', `${'('.repeat(21)}1${')'.repeat(21)}`, [], 'indicator-too-deep'],
  ])('%p = %p (taken %p): %p', (name, expression, taken, code) => {
    const p = precheckIndicator(name, expression, taken);
    expect(p === null ? null : p.code).toBe(code);
  });

  it('points at the first character past the limit, and the bracket too deep', () => {
    expect(precheckIndicator('长', 'a'.repeat(501), [])?.position).toBe(501);
    expect(precheckIndicator('深', `${'('.repeat(21)}1${')'.repeat(21)}`, [])?.position).toBe(21);
  });
});
