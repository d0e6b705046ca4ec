// The Chromium setup lives in test-utils/chromium.js. This path stays for the files that still import it here:
// the audits' vitals gate test and a created app's playwright.config.ts
// (tools/create-app/template).
export { chromiumLaunchOptions } from '../../test-utils/chromium.js';
