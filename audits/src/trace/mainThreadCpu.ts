/** One Chrome trace event, as much of it as the CPU reduction reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start, in µs of the trace clock. */
  ts: number;
  /** Wall duration (µs). */
  dur?: number;
  /** Thread (CPU) duration (µs): what the thread really ran, whoever else held the core. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; processId?: number; frame?: string; type?: string } };
}

/** Main-thread CPU time of one page, with the scripts that spent it. */
export interface MainThreadCpu {
  /** Sum of the thread time of every top-level task on the page's main thread (ms). */
  cpuMs: number;
  /** Sum of their wall durations (ms): the same tasks as a busy machine stretched them. */
  wallMs: number;
  tasks: number;
  /** Thread time of the page's keyboard, pointer and click handlers (outermost EventDispatch events), ms. */
  handlersMs: number;
  /** CPU ms by the script that started each task (the first script event inside it); `(no script)` for the rest. */
  byScript: Record<string, number>;
}

/** The events of interactions (what INP measures): their handlers' time is the interaction's own work. */
const inputEvents = new Set(['keydown', 'keyup', 'keypress', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'touchstart', 'touchend', 'input']);

/**
 * Reduces a trace to the CPU time of the page's main thread: the renderer that committed `pageUrl`'s origin,
 * its `CrRendererMain` thread, top-level tasks only (nested events are inside their task's time).
 *
 * Thread time (`tdur`) is what gates: when another process takes a core, wall durations of the same tasks grow
 * 2-10x while their thread time barely moves. Note CDP CPU throttling spins on the throttled thread, so traces
 * for this figure must be taken unthrottled.
 * @param since trace timestamp (µs) from which tasks count, e.g. a user-timing mark's; @default 0
 */
export function mainThreadCpu(events: readonly TraceEvent[], pageUrl: string, since = 0): MainThreadCpu {
  const origin = new URL(pageUrl).origin;
  const pids = new Set(
    events
      .filter((event) => event.name === 'FrameCommittedInBrowser' && event.args?.data?.url?.startsWith(origin) && event.args.data.processId !== undefined)
      .map((event) => event.args!.data!.processId!),
  );
  if (!pids.size) throw new Error(`The trace has no renderer that committed ${origin} (was the trace started before the navigation?)`);
  const mainThreads = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && pids.has(event.pid)).map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events
    .filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const result: MainThreadCpu = { cpuMs: 0, wallMs: 0, tasks: 0, handlersMs: 0, byScript: {} };
  let taskEnd = -Infinity;
  let handlerEnd = -Infinity;
  let untimed = 0;
  let current: { cpu: number; script?: string } | undefined;
  const close = () => {
    if (!current) return;
    const key = current.script ?? '(no script)';
    result.byScript[key] = (result.byScript[key] ?? 0) + current.cpu;
  };
  for (const event of onMain) {
    if (event.name === 'EventDispatch' && event.ts >= since && event.ts >= handlerEnd && inputEvents.has(event.args?.data?.type ?? '')) {
      handlerEnd = event.ts + (event.dur ?? 0);
      result.handlersMs += (event.tdur ?? 0) / 1000;
    }
    if (event.ts < taskEnd) {
      // Inside the current task: the first script event names who started it.
      const url = event.args?.data?.url;
      if (current && !current.script && url && (event.name === 'EvaluateScript' || event.name === 'FunctionCall' || event.name === 'v8.compileModule' || event.name === 'EvaluateModule')) current.script = url;
      continue;
    }
    close();
    current = undefined;
    taskEnd = event.ts + (event.dur ?? 0);
    if (event.ts < since) continue;
    // A few events carry no thread time (a task the tracer closed from another thread): their wall time is kept
    // apart; a trace where no task has thread time cannot give this figure at all.
    if (event.tdur === undefined) {
      untimed += 1;
      continue;
    }
    result.cpuMs += event.tdur / 1000;
    result.wallMs += (event.dur ?? 0) / 1000;
    result.tasks += 1;
    current = { cpu: event.tdur / 1000 };
    const url = event.args?.data?.url;
    if (url && event.name !== 'RunTask' && event.name !== 'ThreadControllerImpl::RunTask') current.script = url;
  }
  close();
  if (result.tasks === 0 && untimed > 0) throw new Error('This browser records no thread time (tdur) in its traces, so main-thread CPU cannot be measured');
  return result;
}

/** The trace timestamp of the first user-timing mark called `name`, if the trace has one. */
export function markTimestamp(events: readonly TraceEvent[], name: string): number | undefined {
  return events.find((event) => event.name === name && (event.ph === 'R' || event.ph === 'I' || event.ph === 'n' || event.ph === 'b'))?.ts;
}
