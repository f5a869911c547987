import type { GenerateOptions } from "@lanyard/query-client/codegen";
export function stsOptions(): GenerateOptions;
