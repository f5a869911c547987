#!/usr/bin/env node
import { main } from "./cli/main.js";

// package.json sits beside dist/ (and src/): the version --version prints.
main(process.argv.slice(2), new URL("../package.json", import.meta.url)).then((code) => {
  if (code !== undefined) process.exitCode = code;
});
