import { createRum } from '@pronto/rum/attribution';
import { setUpPage } from './page.js';

setUpPage(createRum({ appVersion: 'e2e-attribution' }));
