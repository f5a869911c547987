// Registered with `node --import`: prints every file opened through node:fs/promises (`open`,
// `readFile`), one `open <path>` line on stderr, and then opens it as asked.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

for (const name of ["open", "readFile"]) {
  const original = fs.promises[name];
  fs.promises[name] = function recorded(path, ...rest) {
    process._rawDebug(`open ${path}`);
    return original.call(this, path, ...rest);
  };
}
// Modules that import { open } from "node:fs/promises" see the recording functions too.
syncBuiltinESMExports();
