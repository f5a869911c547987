import { ClientError } from "@lanyard/query-client";

// EKS's own rule for a cluster name (CreateCluster: 1 to 100 characters, `[0-9A-Za-z][A-Za-z0-9\-_]*`),
// which a local cluster's ID (a UUID) also meets. Anything else would be signed into a token
// every cluster rejects, found out only when kubectl fails.
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** Throws a `ClientError` (code `config`) unless `clusterName` is an EKS cluster name or ID; never repeats it. */
export function checkClusterName(clusterName: unknown): string {
  if (typeof clusterName === "string" && CLUSTER_NAME.test(clusterName)) return clusterName;
  const got =
    typeof clusterName === "string"
      ? clusterName === ""
        ? "an empty string"
        : "another string"
      : typeof clusterName;
  throw new ClientError(
    "config",
    `getEksToken: clusterName must be an EKS cluster name or ID (1 to 100 letters, digits, hyphens ` +
      `and underscores, starting with a letter or digit), got ${got}`,
  );
}
