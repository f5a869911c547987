export { parseXml } from "./parse-node.js";
export * from "./public.js";
