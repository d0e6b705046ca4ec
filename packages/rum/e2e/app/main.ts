import { createRum } from '@pronto/rum';
import { setUpPage } from './page.js';

const params = new URLSearchParams(location.search);
setUpPage(createRum({ appVersion: 'e2e', requireConsent: params.has('consent') }));
