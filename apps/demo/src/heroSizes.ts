/** The hero's `sizes`: shared by the component and the build's preload hint so both pick the same file. */
export const HERO_SIZES = '(max-width: 960px) 100vw, 928px';
