// Types for materialize.mjs, imported by the credentials package's replay test.
export type FileSpec = string | { text: string; mode?: number };
export interface Scenario {
  id: string;
  about: string;
  config?: string;
  credentials?: string;
  files?: Record<string, FileSpec>;
  ssoCache?: Record<string, unknown>;
  loginCache?: Record<string, unknown>;
  env?: Record<string, string>;
  profile?: string;
  imds?: "env" | "config";
}
export function cliTimestamp(epochMs: number): string;
export function expand(
  text: string,
  context: { home: string; urls: Record<string, string>; now: number },
): string;
export function materialize(
  scenario: Scenario,
  urls: Record<string, string>,
  now?: number,
): Promise<{ home: string; env: Record<string, string> }>;
export function normalize<T>(value: T, where: { home: string; urls: Record<string, string> }): T;
