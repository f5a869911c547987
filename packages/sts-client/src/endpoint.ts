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

// Each label of a host name the rules built from a valid Region and a partition's DNS suffix.
const DNS_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The rules' URL as a `URL`. One built by the rules (not an endpoint override) must be a plain
 * https origin on a DNS name: a second line of defence, after the Region check, against a
 * setting that would move signed requests to another host.
 */
function checkedRuleUrl(text: string, isOverride: boolean): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const plain =
    url !== undefined &&
    (isOverride ||
      (url.protocol === "https:" &&
        DNS_NAME.test(url.hostname) &&
        url.username === "" &&
        url.password === "" &&
        url.search === "" &&
        url.hash === ""));
  if (!plain || url === undefined) {
    throw new STSClientError(
      "endpoint",
      "the endpoint rules produced a URL that is not a plain https origin",
    );
  }
  return url;
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
    url: checkedRuleUrl(resolved.url, settings.endpoint !== undefined),
    // An endpoint override carries no auth scheme; SigV4 then signs for the client's region.
    signingRegion: scheme?.signingRegion ?? region ?? "us-east-1",
    signingName: scheme?.signingName ?? "sts",
    headers,
  };
}
