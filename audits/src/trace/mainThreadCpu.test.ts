import { describe, expect, it } from 'vitest';
import { browserWork, mainThreadCpu, moduleEvaluation, type TraceEvent } from './mainThreadCpu.js';

const page = 'http://127.0.0.1:4000/';
const pid = 7;
const tid = 1;

/** A trace of one renderer whose main thread ran `events` (times in ms, converted to the trace's µs). */
function trace(
  ...events: { name: string; at: number; wall: number; cpu?: number; url?: string; type?: string }[]
): TraceEvent[] {
  return [
    { name: 'FrameCommittedInBrowser', ph: 'I', pid: 1, tid: 1, ts: 0, args: { data: { url: page, processId: pid } } },
    { name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name: 'CrRendererMain' } },
    // Another thread of the same renderer: never counted.
    { name: 'thread_name', ph: 'M', pid, tid: 2, ts: 0, args: { name: 'Compositor' } },
    { name: 'RunTask', ph: 'X', pid, tid: 2, ts: 0, dur: 50_000, tdur: 50_000 },
    ...events.map(({ name, at, wall, cpu, url, type }) => ({
      name,
      ph: 'X',
      pid,
      tid,
      ts: at * 1000,
      dur: wall * 1000,
      ...(cpu === undefined ? {} : { tdur: cpu * 1000 }),
      ...(url || type ? { args: { data: { ...(url ? { url } : {}), ...(type ? { type } : {}) } } } : {}),
    })),
  ];
}

describe('mainThreadCpu', () => {
  it('sums thread time, not wall time, of top-level tasks on the main thread only', () => {
    const cpu = mainThreadCpu(
      trace({ name: 'RunTask', at: 0, wall: 40, cpu: 10 }, { name: 'RunTask', at: 50, wall: 30, cpu: 20 }),
      page,
    );
    expect(cpu).toMatchObject({ cpuMs: 30, wallMs: 70, tasks: 2 });
  });

  it('charges each script its own self time inside one task, module evaluation apart', () => {
    // One task evaluates the module graph (the entry's top-level code: 30 ms of its own), inside which a vendor
    // function runs 5 ms; then a timer of the entry runs 10 ms, 4 of them in a layout it forced.
    const vendor = 'http://127.0.0.1:4000/assets/react-vendor-C1iE8mnY.js';
    const entry = 'http://127.0.0.1:4000/assets/entry-BbMQhobs.js';
    const cpu = mainThreadCpu(
      trace(
        { name: 'RunTask', at: 0, wall: 60, cpu: 40 },
        { name: 'v8.compileModule', at: 0, wall: 2, cpu: 2, url: vendor },
        { name: 'v8.evaluateModule', at: 2, wall: 50, cpu: 35 },
        { name: 'FunctionCall', at: 10, wall: 6, cpu: 5, url: vendor },
        { name: 'RunTask', at: 100, wall: 12, cpu: 12 },
        { name: 'TimerFire', at: 101, wall: 10, cpu: 10, url: entry },
        { name: 'Layout', at: 105, wall: 4, cpu: 4 },
      ),
      page,
    );
    expect(cpu.cpuMs).toBe(52);
    expect(cpu.byScript).toEqual({ [vendor]: 7, [moduleEvaluation]: 30, [entry]: 10, [browserWork]: 5 });
    expect(cpu.scriptMs).toBe(47);
    // Every millisecond of the tasks is charged to someone, once.
    expect(Object.values(cpu.byScript).reduce((sum, ms) => sum + ms, 0)).toBe(cpu.cpuMs);
  });

  it('counts interaction handlers after the mark, outermost dispatch only', () => {
    const cpu = mainThreadCpu(
      trace(
        { name: 'RunTask', at: 0, wall: 10, cpu: 10 },
        { name: 'EventDispatch', at: 1, wall: 5, cpu: 5, type: 'click' },
        { name: 'RunTask', at: 20, wall: 10, cpu: 10 },
        { name: 'EventDispatch', at: 21, wall: 8, cpu: 6, type: 'keydown' },
        { name: 'EventDispatch', at: 22, wall: 2, cpu: 2, type: 'click' },
        { name: 'EventDispatch', at: 25, wall: 1, cpu: 1, type: 'scroll' },
      ),
      page,
      15_000,
    );
    expect(cpu).toMatchObject({ cpuMs: 10, tasks: 1, handlersMs: 6 });
  });

  it('explains a trace without the page or without thread time', () => {
    expect(() => mainThreadCpu(trace({ name: 'RunTask', at: 0, wall: 10, cpu: 5 }), 'http://example.com/')).toThrow(
      /no renderer that committed http:\/\/example.com/,
    );
    expect(() => mainThreadCpu(trace({ name: 'RunTask', at: 0, wall: 10 }), page)).toThrow(/no thread time/);
  });
});
