import type { Plugin, ResolvedConfig } from 'vite';
import { createEncodeLog, type EncodeLog } from './createEncodeLog.js';
import { loadResponsiveImage } from './loadResponsiveImage.js';
import {
  resolveOptions,
  type ResolvedResponsiveImagesOptions,
  type ResponsiveImagesOptions,
} from './resolveOptions.js';
import { toModuleCode } from './toModuleCode.js';

interface ServedFile {
  data: Buffer;
  mime: string;
}

const DEV_PREFIX = '/@pronto-lazy-image/';

/**
 * A Vite plugin: `import hero from './hero.jpg?responsive'` resolves to a {@link ResponsiveImage}
 * (`src`, `width`, `height`, AVIF/WebP/original `sources`, `placeholder`), encoded with sharp at build time
 * and cached on disk between builds. Add `@pronto/lazy-image/client` to your types for the import's type.
 */
export function responsiveImages(userOptions: ResponsiveImagesOptions = {}): Plugin {
  let config: ResolvedConfig;
  let options: ResolvedResponsiveImagesOptions;
  let log: EncodeLog;
  // Dev serves the encoded files from memory: there is no output directory to emit them into.
  const served = new Map<string, ServedFile>();

  return {
    name: 'pronto-lazy-image',
    enforce: 'pre',
    configResolved(resolved) {
      config = resolved;
      options = resolveOptions(userOptions, resolved.root, resolved.cacheDir);
      log = createEncodeLog(resolved.logger, resolved.root);
    },
    async load(id) {
      const [file, query] = id.split('?', 2);
      if (!file || query === undefined || !new URLSearchParams(query).has(options.query)) return null;
      this.addWatchFile(file);
      const done = log.start(file);
      const { image, cached } = await loadResponsiveImage(file, options);
      done({ cached });
      if (config.command === 'serve') {
        return toModuleCode(image, (variant) => {
          const url = `${DEV_PREFIX}${encodeURIComponent(file)}/${variant.fileName}`;
          served.set(url, { data: variant.data, mime: variant.mime });
          return JSON.stringify(config.base.replace(/\/$/, '') + url);
        });
      }
      return toModuleCode(image, (variant) => {
        const ref = this.emitFile({ type: 'asset', name: variant.fileName, source: variant.data });
        return `import.meta.ROLLUP_FILE_URL_${ref}`;
      });
    },
    buildEnd() {
      log.summarize();
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.replace(config.base.replace(/\/$/, ''), '').split('?')[0] ?? '';
        const file = served.get(url);
        if (!file) return next();
        res.setHeader('Content-Type', file.mime);
        res.setHeader('Cache-Control', 'no-cache');
        res.end(file.data);
      });
    },
  };
}
