/** Set at build time (vite.config.ts): identifies the deployed version. */
declare const __BUILD_ID__: string;
