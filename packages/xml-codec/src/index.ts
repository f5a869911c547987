export { parseXml } from "./parse.js";
export * from "./public.js";
