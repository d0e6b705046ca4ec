/**
 * Loads a package that only one store needs, on first use, so that users of another store never load it (the
 * DuckDB binding is ~68 MB of native code, and has no build for some platforms). When it cannot be loaded, the
 * error names the package to install.
 * @internal
 */
export async function importPeer<T>(name: string, neededBy: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new Error(
      `${neededBy} needs the package ${name}, which could not be loaded (${reason}). Install it with \`npm install ${name}\`` +
        ` (it needs a prebuilt binary for ${process.platform}-${process.arch}), or use another store.`,
      { cause },
    );
  }
}
