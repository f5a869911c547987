// Registered with `node --import`: prints every file opened through node:fs (`open`, `readFile`,
// callback or promise form), one `open <path>` line on stderr, and then opens it as asked.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

function record(target, name) {
  const original = target[name];
  target[name] = function recorded(path, ...rest) {
    process._rawDebug(`open ${path}`);
    return original.call(this, path, ...rest);
  };
}
for (const name of ["open", "readFile"]) {
  record(fs, name);
  record(fs.promises, name);
}
// Modules that import { open } from "node:fs/promises" see the recording functions too.
syncBuiltinESMExports();
