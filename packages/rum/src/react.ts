export { RumProvider, type RumProviderProps } from './RumProvider.js';
export { useRum } from './useRum.js';
