// Registered with `node --import`: prints every ES module Node loads, one `load <url>` line on
// stderr, and every Node built-in imported as an ES module, `builtin <specifier> <importer url>`.
import { register } from "node:module";

const hooks = `import { isBuiltin } from "node:module";
export async function resolve(specifier, context, next) {
  if (isBuiltin(specifier)) process._rawDebug("builtin " + specifier + " " + (context.parentURL ?? ""));
  return next(specifier, context);
}
export async function load(url, context, next) {
  process._rawDebug("load " + url);
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
