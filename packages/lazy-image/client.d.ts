// Types for `?responsive` imports handled by `@pronto/lazy-image/vite`.
// Use: `/// <reference types="@pronto/lazy-image/client" />` or `"types": ["@pronto/lazy-image/client"]`.
// The shape is spelled out (it equals `ResponsiveImage` from `@pronto/lazy-image`) so it resolves without a build.
declare module '*?responsive' {
  const image: {
    src: string;
    width: number;
    height: number;
    sources: Array<{ type: string; srcset: string }>;
    placeholder?: { thumbhash: string; color: string };
  };
  export default image;
}
