import { SsrList } from '../SsrList.js';
import { hydrate } from '../shared.js';

// The spec serves this page with server-rendered markup in #root.
hydrate(<SsrList />);
