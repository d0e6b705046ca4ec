import { writePerfSummary } from './perfReports.js';

export default function globalTeardown(): void {
  writePerfSummary();
}
