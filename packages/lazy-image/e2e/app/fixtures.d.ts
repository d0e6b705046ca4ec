// Files the test fixture writes before the build (see e2e/support/makeFixtureImages.ts).
declare module '@fixtures/thumbs.json' {
  const thumbs: Array<{ thumbhash: string; color: string }>;
  export default thumbs;
}
declare module '@fixtures/gallery.json' {
  const gallery: Array<{ thumbhash: string; color: string }>;
  export default gallery;
}
declare module '*.css';
