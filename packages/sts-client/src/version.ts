export { VERSION } from "./generated/version.generated.js";
