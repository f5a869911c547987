export { parseXml } from "./parse-worker.js";
export * from "./public.js";
