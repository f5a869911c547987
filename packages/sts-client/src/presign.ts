import type { HttpRequest } from "@lanyard/http";
import { resolveCredentials, signingScope } from "@lanyard/query-client";
import { presign } from "@lanyard/sigv4";
import { checkClusterName } from "./eks-cluster-name.js";
import type { STSBaseClient } from "./generated/client.generated.js";
import { GetCallerIdentityOperation } from "./generated/operations.generated.js";

export interface PresignOptions {
  /** Seconds the URL stays valid. Default 900. */
  expiresIn?: number;
  /** Extra headers to sign; whoever uses the URL must send them with these values. */
  headers?: Record<string, string>;
  /** Signing time. Default: now. */
  date?: Date;
}

/**
 * A presigned `GET` URL for GetCallerIdentity: whoever holds it can prove who the signer is
 * without seeing the credentials (the basis of EKS and Vault AWS auth).
 */
export async function presignGetCallerIdentity(
  client: STSBaseClient,
  options: PresignOptions = {},
): Promise<URL> {
  const endpoint = await client.resolveEndpoint();
  const credentials = await resolveCredentials(client);
  const { signingRegion, signingName } = signingScope(endpoint);
  const url = new URL(endpoint.url);
  url.searchParams.set("Action", GetCallerIdentityOperation.name);
  url.searchParams.set("Version", GetCallerIdentityOperation.model.metadata.apiVersion);
  const request: HttpRequest = { method: "GET", url, headers: { host: url.host, ...options.headers } };
  return presign(request, {
    credentials,
    region: signingRegion,
    service: signingName,
    expiresIn: options.expiresIn ?? 900,
    date: options.date ?? new Date(),
  });
}

export interface EksTokenOptions {
  /** The cluster name (or ID) signed as `x-k8s-aws-id`. */
  clusterName: string;
  /** Seconds; aws-iam-authenticator presigns for 60 and rejects tokens older than 15 minutes. */
  expiresIn?: number;
  date?: Date;
}

/** Base64url without padding, as the `k8s-aws-v1.` token format requires. */
function base64Url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * A bearer token for the Kubernetes API of an EKS cluster: `k8s-aws-v1.` followed by the
 * base64url presigned GetCallerIdentity URL with `x-k8s-aws-id` signed (aws-iam-authenticator's
 * token format).
 */
export async function getEksToken(client: STSBaseClient, options: EksTokenOptions): Promise<string> {
  const { clusterName, expiresIn = 60, date } = options ?? ({} as Partial<EksTokenOptions>);
  const url = await presignGetCallerIdentity(client, {
    expiresIn,
    headers: { "x-k8s-aws-id": checkClusterName(clusterName) },
    date,
  });
  return `k8s-aws-v1.${base64Url(url.toString())}`;
}
