import type { ResolvedEndpoint } from "./types.js";

export interface AuthScheme {
  name: string;
  signingName: string;
  signingRegion: string;
  [key: string]: unknown;
}

/**
 * The signing parameters for a resolved endpoint: `properties.authSchemes[0]` where the
 * rule set gives one, with the service's own signing name and the request's region
 * filling whatever it leaves out. Many rule sets (STS's regional endpoints among them)
 * give no auth scheme at all, and the AWS SDKs then sign with the model's defaults.
 */
export function authSchemeOf(
  endpoint: ResolvedEndpoint,
  defaults: { signingName: string; signingRegion: string },
): AuthScheme {
  const schemes = endpoint.properties.authSchemes;
  const first = (Array.isArray(schemes) ? schemes[0] : undefined) as Record<string, unknown> | undefined;
  const regionSet = first?.signingRegionSet;
  return {
    ...first,
    name: typeof first?.name === "string" ? first.name : "sigv4",
    signingName: typeof first?.signingName === "string" ? first.signingName : defaults.signingName,
    signingRegion:
      typeof first?.signingRegion === "string"
        ? first.signingRegion
        : Array.isArray(regionSet) && typeof regionSet[0] === "string"
          ? regionSet[0]
          : defaults.signingRegion,
  };
}
