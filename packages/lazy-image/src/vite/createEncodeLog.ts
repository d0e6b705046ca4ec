import path from 'node:path';

/** Where progress lines go: Vite's `config.logger` fits. */
export interface EncodeLogger {
  info(message: string): void;
}

/** Counts images encoded and read from the cache, and prints progress plus a one-line summary. */
export interface EncodeLog {
  /** Call before an image is loaded; returns the call that records how it ended. */
  start(file: string): (outcome: { cached: boolean }) => void;
  /** Prints `responsive images: 12 encoded, 30 from cache, 4.1 s` and starts counting afresh; silent when nothing was loaded. */
  summarize(): void;
}

/**
 * AVIF encoding takes seconds per image, so a build that only showed Vite's own progress looked hung.
 * Each encoded image gets a line; cache hits are only counted, since they take milliseconds.
 * The time in the summary is wall-clock from the first load to the last, as loads run concurrently.
 */
export function createEncodeLog(
  logger: EncodeLogger,
  root: string,
  now: () => number = () => performance.now(),
): EncodeLog {
  let encoded = 0;
  let cached = 0;
  let firstStart: number | undefined;
  let lastEnd = 0;
  return {
    start(file) {
      const started = now();
      firstStart ??= started;
      return (outcome) => {
        const ended = now();
        lastEnd = Math.max(lastEnd, ended);
        if (outcome.cached) {
          cached++;
          return;
        }
        encoded++;
        logger.info(`responsive images: encoded ${path.relative(root, file)} in ${seconds(ended - started)}`);
      };
    },
    summarize() {
      if (firstStart === undefined) return;
      logger.info(
        `responsive images: ${encoded} encoded, ${cached} from cache, ${seconds(Math.max(0, lastEnd - firstStart))}`,
      );
      encoded = 0;
      cached = 0;
      firstStart = undefined;
      lastEnd = 0;
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
