import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The file the server reads: per route pattern, the app shell to send and the chunks it preloads. */
export const ROUTE_PRELOADS_FILE = 'route-preloads.json';

/** One route of {@link ROUTE_PRELOADS_FILE}. */
export interface RoutePreload {
  /** Path pattern; `:name` matches one segment, e.g. `/items/:id`. */
  path: string;
  /** Build-relative copy of index.html that also preloads the route's chunks, e.g. `shells/route-0.html`. */
  shell: string;
  /** Build-relative chunk files it preloads, e.g. `assets/CatalogPage-x1y2.js`. */
  files: string[];
}

/**
 * Writes one copy of index.html per route that also has `<link rel="modulepreload">` for the chunks of its lazy
 * route, and `route-preloads.json` saying which copy serves which URLs. The demo server sends that copy as the app
 * shell of a matching navigation, so the route's chunk is requested with the entry chunks instead of after they
 * have run: one round trip less before the route (and its LCP image) renders. The links go last in <head>: over
 * HTTP/1.1 the browser opens six connections per host, and the render-blocking CSS and the hero image must not wait
 * behind them (as they did with a `Link` response header, which the browser acts on before it reads the HTML).
 * Routes stay lazy for every other URL, and the service worker, once installed, serves plain index.html with every
 * chunk precached.
 *
 * @param routes path pattern -> the route module (relative to the Vite root) that `React.lazy` imports for it
 */
export function routePreloads(routes: Readonly<Record<string, string>>): Plugin {
  let root = '';
  return {
    name: 'pronto:route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(outputOptions, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      // What the entry loads already (index.html has it and its static imports): never preloaded again.
      const initial = new Set<string>();
      const collect = (fileName: string, into: Set<string>) => {
        if (into.has(fileName)) return;
        into.add(fileName);
        for (const imported of byFile.get(fileName)?.imports ?? []) collect(imported, into);
      };
      for (const chunk of chunks) if (chunk.isEntry) collect(chunk.fileName, initial);

      const outDir = outputOptions.dir ?? resolve(root, 'dist');
      const html = await readFile(join(outDir, 'index.html'), 'utf8');
      if (!html.includes('</head>')) throw new Error('routePreloads: index.html has no </head>');
      await mkdir(join(outDir, 'shells'), { recursive: true });
      const preloads: RoutePreload[] = [];
      for (const [index, [path, module]] of Object.entries(routes).entries()) {
        const id = resolve(root, module);
        const chunk = chunks.find((candidate) => candidate.facadeModuleId === id);
        if (!chunk)
          throw new Error(`routePreloads: no chunk for ${module} (route ${path}); is it imported with import()?`);
        const needed = new Set<string>();
        collect(chunk.fileName, needed);
        const files = [...needed].filter((file) => !initial.has(file));
        const shell = `shells/route-${index}.html`;
        const links = files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('');
        await writeFile(join(outDir, shell), html.replace('</head>', `${links}</head>`));
        preloads.push({ path, shell, files });
      }
      await writeFile(join(outDir, ROUTE_PRELOADS_FILE), `${JSON.stringify({ routes: preloads }, null, 2)}\n`);
    },
  };
}
