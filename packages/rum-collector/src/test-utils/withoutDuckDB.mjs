// Loaded with `node --import`: makes @duckdb/node-api unresolvable, as on a platform without a prebuilt binding
// or after an install that left it out.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === '@duckdb/node-api') {
    throw Object.assign(new Error("Cannot find package '@duckdb/node-api'"), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
