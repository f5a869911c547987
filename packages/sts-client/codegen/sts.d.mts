import type { GenerateOptions } from "./generate.mjs";
export function stsModel(): object;
export function stsOptions(): GenerateOptions;
