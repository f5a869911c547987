export { parseXml } from "./parse-browser.js";
export * from "./public.js";
