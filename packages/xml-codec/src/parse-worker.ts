import { XMLParser } from "#fast-xml-parser";
import { fastXmlParser } from "./parse-fxp.js";

/**
 * Parses `text` into an element tree with fast-xml-parser. Refuses DOCTYPE/ENTITY
 * declarations, unsupported entities and documents over the size or depth limits.
 */
export const parseXml = /* @__PURE__ */ fastXmlParser(XMLParser);
