import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Stands in for the id while the bundle is made. Same length as the id that replaces it, so source maps keep
 * their columns; no real code contains it.
 */
const placeholder = '@pronto-build-id';
const idLength = placeholder.length;

/** Options of {@link contentBuildId}. */
export interface ContentBuildIdOptions {
  /** A fixed id (a release tag, a CI run), used as is. @default process.env.PRONTO_BUILD_ID, else a content hash */
  id?: string;
}

/**
 * Defines `__BUILD_ID__`: the given id, else the first 16 hex digits of a SHA-256 of everything the build emits.
 * A hash of the output, not the time, keeps the build reproducible: building the same code twice gives the same
 * files byte for byte, so byte budgets can be exact and an unchanged app is not "deployed" again; any change of
 * code changes the id, so a new deploy is still visible in the app and in its field data. `vite dev` shows "dev".
 */
export function contentBuildId({ id = process.env.PRONTO_BUILD_ID }: ContentBuildIdOptions = {}): Plugin {
  return {
    name: 'pronto:content-build-id',
    enforce: 'post',
    config(_config, { command }) {
      const value = id ?? (command === 'serve' ? 'dev' : placeholder);
      return { define: { __BUILD_ID__: JSON.stringify(value) } };
    },
    generateBundle(_options, bundle) {
      if (id !== undefined) return;
      const hash = createHash('sha256');
      for (const fileName of Object.keys(bundle).sort()) {
        const output = bundle[fileName]!;
        hash
          .update(fileName)
          .update('\0')
          .update(output.type === 'chunk' ? output.code : output.source)
          .update('\0');
      }
      const buildId = hash.digest('hex').slice(0, idLength);
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.code.includes(placeholder))
          output.code = output.code.replaceAll(placeholder, buildId);
      }
    },
  };
}
