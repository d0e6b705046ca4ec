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
  /** The part of `cpuMs` spent running the page's scripts: everything in `byScript` but {@link browserWork}. */
  scriptMs: number;
  /**
   * The same CPU ms split by who spent them: a script's URL for the self time of its calls and evaluations (and
   * of the compiling, layout or GC they caused), {@link moduleEvaluation} for top-level module code, and
   * {@link browserWork} for what no script started (parsing, style, layout and paint of the page itself).
   */
  byScript: Record<string, number>;
}

/**
 * Chrome's module-evaluation event names no URL (one event runs the whole module graph), so the top-level code
 * of the entry module and everything it imports is counted under this name.
 */
export const moduleEvaluation = '(module scripts: top-level code of the entry and its imports)';
/** Task time that no script event encloses. */
export const browserWork = '(browser: parsing, style, layout, paint)';

/** The events of interactions (what INP measures): their handlers' time is the interaction's own work. */
const inputEvents = new Set([
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'touchstart',
  'touchend',
  'input',
]);

/** Events that run a script's code; their URL (when they carry one) names who spent the time inside them. */
const scriptEvents = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compileModule',
  'v8.evaluateModule',
  'TimerFire',
  'FireAnimationFrame',
]);

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
      .filter(
        (event) =>
          event.name === 'FrameCommittedInBrowser' &&
          event.args?.data?.url?.startsWith(origin) &&
          event.args.data.processId !== undefined,
      )
      .map((event) => event.args!.data!.processId!),
  );
  if (!pids.size)
    throw new Error(
      `The trace has no renderer that committed ${origin} (was the trace started before the navigation?)`,
    );
  const mainThreads = new Set(
    events
      .filter(
        (event) =>
          event.ph === 'M' &&
          event.name === 'thread_name' &&
          event.args?.name === 'CrRendererMain' &&
          pids.has(event.pid),
      )
      .map((event) => `${event.pid}:${event.tid}`),
  );
  // Parents before their children: by start, then the longer (enclosing) event first.
  const onMain = events
    .filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const result: MainThreadCpu = { cpuMs: 0, wallMs: 0, tasks: 0, handlersMs: 0, scriptMs: 0, byScript: {} };
  let handlerEnd = -Infinity;
  let untimed = 0;
  let index = 0;
  while (index < onMain.length) {
    const task = onMain[index]!;
    const taskEnd = task.ts + (task.dur ?? 0);
    let next = index + 1;
    while (next < onMain.length && onMain[next]!.ts < taskEnd) next += 1;
    const nested = onMain.slice(index, next);
    index = next;
    if (task.ts < since) continue;
    for (const event of nested) {
      if (event.name === 'EventDispatch' && event.ts >= handlerEnd && inputEvents.has(event.args?.data?.type ?? '')) {
        handlerEnd = event.ts + (event.dur ?? 0);
        result.handlersMs += (event.tdur ?? 0) / 1000;
      }
    }
    // A few events carry no thread time (a task the tracer closed from another thread): their wall time is kept
    // apart; a trace where no task has thread time cannot give this figure at all.
    if (task.tdur === undefined) {
      untimed += 1;
      continue;
    }
    result.cpuMs += task.tdur / 1000;
    result.wallMs += (task.dur ?? 0) / 1000;
    result.tasks += 1;
    for (const [owner, ms] of Object.entries(selfTimeByOwner(nested)))
      result.byScript[owner] = (result.byScript[owner] ?? 0) + ms;
  }
  for (const [owner, ms] of Object.entries(result.byScript)) if (owner !== browserWork) result.scriptMs += ms;
  if (result.tasks === 0 && untimed > 0)
    throw new Error('This browser records no thread time (tdur) in its traces, so main-thread CPU cannot be measured');
  return result;
}

/**
 * Splits one task's thread time by owner: each event's self time (its time minus its children's) goes to the
 * innermost enclosing script event that names a URL or evaluates modules, else to {@link browserWork}. Self
 * time, not "the first script in the task", so that one task evaluating a vendor chunk and then the entry
 * charges each for its own part.
 */
function selfTimeByOwner(nested: readonly TraceEvent[]): Record<string, number> {
  const owners: Record<string, number> = {};
  const stack: { end: number; owner: string; self: number }[] = [];
  const pop = () => {
    const done = stack.pop()!;
    owners[done.owner] = (owners[done.owner] ?? 0) + Math.max(0, done.self) / 1000;
  };
  for (const event of nested) {
    while (stack.length && event.ts >= stack.at(-1)!.end) pop();
    const cpu = event.tdur ?? 0;
    const parent = stack.at(-1);
    if (parent) parent.self -= cpu;
    stack.push({ end: event.ts + (event.dur ?? 0), owner: ownerOf(event) ?? parent?.owner ?? browserWork, self: cpu });
  }
  while (stack.length) pop();
  return owners;
}

function ownerOf(event: TraceEvent): string | undefined {
  if (!scriptEvents.has(event.name)) return undefined;
  if (event.name === 'v8.evaluateModule') return moduleEvaluation;
  return event.args?.data?.url || undefined;
}

/** The trace timestamp of the first user-timing mark called `name`, if the trace has one. */
export function markTimestamp(events: readonly TraceEvent[], name: string): number | undefined {
  return events.find(
    (event) => event.name === name && (event.ph === 'R' || event.ph === 'I' || event.ph === 'n' || event.ph === 'b'),
  )?.ts;
}
