// Registered with `node --import`: prints every ES module Node loads, one `load <url>` line on stderr.
import { register } from "node:module";

const hooks = `export async function load(url, context, next) {
  process._rawDebug("load " + url);
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
