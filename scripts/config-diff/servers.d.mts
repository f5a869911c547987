// Types for servers.mjs, imported by the credentials package's replay test.
export function deriveKey(kind: string, ...parts: string[]): string;
export function refreshedAccessToken(refreshToken: string): string;
export function assumeRoleKey(roleArn: string, sourceAccessKeyId: string, externalId?: string): string;
export function webIdentityKey(roleArn: string, token: string): string;
export function ssoRoleKey(accountId: string, roleName: string, accessToken: string): string;
export const IMDS_KEY: string;
export const CONTAINER_KEY: string;
export type ServerName = "sts" | "sso" | "oidc" | "imds" | "container";
export interface Servers {
  urls: Record<ServerName, string>;
  requests: { server: ServerName; method: string; url: string }[];
  close(): Promise<void>;
}
export function startServers(): Promise<Servers>;
