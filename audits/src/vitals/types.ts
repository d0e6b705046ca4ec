/** What the page-side collector found for one scenario (ms, except `cls`). */
export interface VitalsResult {
  lcp?: number;
  fcp?: number;
  cls?: number;
  inp?: number;
  ttfb?: number;
  /** Sum of (task - 50 ms) over the long tasks inside the measured window. */
  blockingTime: number;
  /** Longest main-thread task inside the window, 0 when none. */
  longestTask: number;
  longTaskCount: number;
  attribution: VitalsAttribution;
}

/** The "why" next to each figure, from the web-vitals attribution build and Long Animation Frames. */
export interface VitalsAttribution {
  lcpElement?: string;
  lcpUrl?: string;
  /** LCP split into its four parts (ms). */
  lcpParts?: {
    timeToFirstByte: number;
    resourceLoadDelay: number;
    resourceLoadDuration: number;
    elementRenderDelay: number;
  };
  slowestInteraction?: {
    target: string;
    type: string;
    duration: number;
    inputDelay: number;
    processingDuration: number;
    presentationDelay: number;
    /** The script that ran longest inside it, when Long Animation Frames could tell. */
    longestScript?: string;
  };
  largestShift?: { target: string; value: number };
  /** Scripts behind the longest animation frames of the window (source URL and invoker). */
  longFrameScripts: string[];
}
