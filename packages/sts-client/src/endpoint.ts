import { EndpointError, type ResolvedEndpoint } from "@lanyard/endpoints";
import type { StaticSettings } from "./config.js";
import { STSClientError } from "./errors.js";
// The STS rule set compiled to code (codegen/endpoint-rules.mjs): no rule data, no interpreter.
import { type EndpointRuleParams, resolveEndpointRules } from "./generated/rule-set.generated.js";

/** Where and how to send: resolved once per client, since its inputs never change. */
export interface ResolvedStsEndpoint {
  url: URL;
  signingRegion: string;
  signingName: string;
  headers: Record<string, string>;
}

interface AuthScheme {
  name?: string;
  signingRegion?: string;
  signingName?: string;
}

/** The STS rule set's parameters (its `parameters` block), from the client settings. */
export function endpointParams(settings: StaticSettings, region: string | undefined): EndpointRuleParams {
  const params: EndpointRuleParams = {
    UseFIPS: settings.useFips,
    UseDualStack: settings.useDualStack,
    UseGlobalEndpoint: settings.useGlobalEndpoint,
  };
  if (region !== undefined) params.Region = region;
  if (settings.endpoint !== undefined) params.Endpoint = settings.endpoint;
  return params;
}

export function resolveStsEndpoint(
  settings: StaticSettings,
  region: string | undefined,
): ResolvedStsEndpoint {
  if (region === undefined && settings.endpoint === undefined) {
    throw new STSClientError(
      "missing-region",
      "no AWS Region: pass `region` to STSClient, set AWS_REGION, or set `region` in the shared config file",
    );
  }
  let resolved: ResolvedEndpoint;
  try {
    resolved = resolveEndpointRules(endpointParams(settings, region));
  } catch (cause) {
    const message = cause instanceof EndpointError ? cause.message : String(cause);
    throw new STSClientError("endpoint", `could not resolve the STS endpoint: ${message}`, { cause });
  }
  const schemes = (resolved.properties?.authSchemes ?? []) as AuthScheme[];
  const scheme = schemes.find((s) => s.name === "sigv4") ?? schemes[0];
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(resolved.headers ?? {})) headers[name] = values.join(",");
  return {
    url: new URL(resolved.url),
    // An endpoint override carries no auth scheme; SigV4 then signs for the client's region.
    signingRegion: scheme?.signingRegion ?? region ?? "us-east-1",
    signingName: scheme?.signingName ?? "sts",
    headers,
  };
}
