export type { AssumeRoleCredentialsOptions } from "./assume-role-credentials.js";
export { assumeRoleCredentials } from "./assume-role-credentials.js";
export type { DefaultCredentialsOptions } from "./default-credentials.js";
export { defaultCredentials } from "./default-credentials.js";
export { stsRoleAssumer } from "./role-assumer.js";
export type { WebIdentityCredentialsOptions } from "./web-identity-credentials.js";
export { webIdentityAssumer, webIdentityCredentials } from "./web-identity-credentials.js";
