import { runLighthouse } from './runLighthouse.js';

type Run = typeof runLighthouse;

/**
 * One Lighthouse run, retried on a run-time error up to `attempts` times in all: Lighthouse's own advice for its
 * trace errors (NO_NAVSTART, NO_FCP under load) is to run it again. Such a run measured nothing, so no figure is
 * retried away. Here they came in about one run of 30, and once twice in a row (an update-baseline run,
 * 2026-12-06). The last error stops the audit with the target named.
 */
export async function runLighthouseRetrying(
  id: string,
  options: Parameters<Run>[0],
  log: (line: string) => void,
  { attempts = 3, run = runLighthouse }: { attempts?: number; run?: Run } = {},
): ReturnType<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts) throw new Error(`${id} (${options.url}): ${message}`, { cause: error });
      log(`  ${id}: ${message}; running it again (attempt ${attempt + 1} of ${attempts})`);
    }
  }
}
