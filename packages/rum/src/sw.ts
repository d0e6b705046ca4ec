export { replayRumOutbox, handleRumSync, RUM_SYNC_TAG, type RumSyncEvent } from './replayRumOutbox.js';
export { routeRumToNetwork, type RumInstallEvent } from './routeRumToNetwork.js';
