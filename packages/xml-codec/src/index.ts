export { parseXml } from "./parse-fxp.js";
export * from "./public.js";
