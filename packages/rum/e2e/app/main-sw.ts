import { createRum } from '@pronto/rum';
import { setUpPage } from './page.js';

setUpPage(createRum({ appVersion: 'e2e-sw' }));
void navigator.serviceWorker.register('/sw.js', { type: 'module' });
