// Node only (the `node` condition of `#fast-xml-parser` in package.json). fast-xml-parser's ESM
// entry is some forty source files across seven packages and takes ~45 ms to import; its
// CommonJS build is one self-contained file that loads in ~8 ms. A CLI pays that on every run.
// A static `require` here, reached through a static `import`, keeps the file visible to bundlers.
import fxp = require("fast-xml-parser");

const XMLParser = fxp.XMLParser;

// An object literal of plain names, so Node's CommonJS lexer finds the named export.
export = { XMLParser };
