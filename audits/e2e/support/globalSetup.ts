import { resetPerfReports } from './perfReports.js';

export default function globalSetup(): void {
  resetPerfReports();
}
