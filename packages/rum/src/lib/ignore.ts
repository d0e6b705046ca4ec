/** A rejection handler for work whose failure has nowhere to go (the app must never see it). @internal */
export const ignore = (): void => {};
