import { EndpointError, type ResolvedEndpoint } from "@lanyard/endpoints";
import { ClientError } from "./errors.js";
import type { ServiceDefinition, ServiceEndpoint } from "./model.js";
import type { ClientSettings } from "./settings.js";

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
    throw new ClientError("endpoint", "the endpoint rules produced a URL that is not a plain https origin");
  }
  return url;
}

/** Where and how to send the calls of a client, from its settings and (checked) region. */
export function resolveServiceEndpoint(
  service: ServiceDefinition,
  settings: ClientSettings,
  region: string | undefined,
): ServiceEndpoint {
  const endpoint = settings.endpoint.value;
  if (region === undefined && endpoint === undefined) {
    throw new ClientError(
      "missing-region",
      "no AWS Region: pass `region` in the client options, set AWS_REGION, or set `region` in the shared config file",
    );
  }
  let resolved: ResolvedEndpoint;
  try {
    resolved = service.resolveEndpoint({
      region,
      endpoint,
      useFipsEndpoint: settings.useFipsEndpoint.value,
      useDualstackEndpoint: settings.useDualstackEndpoint.value,
      service: Object.fromEntries(Object.entries(settings.service).map(([name, { value }]) => [name, value])),
    });
  } catch (cause) {
    const message = cause instanceof EndpointError ? cause.message : String(cause);
    throw new ClientError("endpoint", `could not resolve the ${service.id} endpoint: ${message}`, { cause });
  }
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(resolved.headers)) headers[name] = values.join(",");
  return {
    url: checkedRuleUrl(resolved.url, endpoint !== undefined),
    headers,
    properties: resolved.properties,
    // An endpoint override carries no auth scheme; SigV4 then signs for the client's region.
    signingDefaults: { signingName: service.signingName, signingRegion: region ?? "us-east-1" },
  };
}
