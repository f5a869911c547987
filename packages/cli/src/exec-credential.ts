// kubectl's exec plugin output, as awscli/customizations/eks/get_token.py writes it.

const V1 = "client.authentication.k8s.io/v1";
const V1BETA1 = "client.authentication.k8s.io/v1beta1";
const V1ALPHA1 = "client.authentication.k8s.io/v1alpha1";

/**
 * EKS accepts the token for 15 minutes; the timestamp says 14 so client-go asks for a new one
 * before the server would refuse it (get_token.py, TOKEN_EXPIRATION_MINS).
 */
export const TOKEN_LIFETIME_MS = 14 * 60_000;

/**
 * The apiVersion kubectl asked for in KUBERNETES_EXEC_INFO: v1 and v1beta1 as given, v1alpha1
 * with a deprecation warning, v1beta1 when the variable is absent (client-go before 1.20 did not
 * set it), malformed or names a version this tool does not know, as the AWS CLI does.
 */
export function execApiVersion(execInfo: string | undefined, warn: (line: string) => void): string {
  if (!execInfo) return V1BETA1;
  let apiVersion: unknown;
  try {
    apiVersion = (JSON.parse(execInfo) as { apiVersion?: unknown } | null)?.apiVersion;
  } catch {
    warn(
      `error parsing KUBERNETES_EXEC_INFO, defaulting to ${V1BETA1}; this is likely a bug in your Kubernetes client`,
    );
    return V1BETA1;
  }
  if (apiVersion === V1 || apiVersion === V1BETA1) return apiVersion;
  if (apiVersion === V1ALPHA1) {
    warn(
      `the kubeconfig user entry uses the deprecated API version ${V1ALPHA1}; change it to ${V1BETA1} or ${V1}`,
    );
    return V1ALPHA1;
  }
  warn(`unrecognized API version in KUBERNETES_EXEC_INFO, defaulting to ${V1BETA1}`);
  return V1BETA1;
}

/** The ExecCredential JSON, byte for byte as `aws eks get-token` prints it (indent 4, blank line after). */
export function formatExecCredential(token: string, apiVersion: string, now: number): string {
  const expirationTimestamp = new Date(now + TOKEN_LIFETIME_MS).toISOString().replace(/\.\d{3}Z$/, "Z");
  const credential = { kind: "ExecCredential", apiVersion, spec: {}, status: { expirationTimestamp, token } };
  return `${JSON.stringify(credential, null, 4)}\n\n`;
}
