// STS's inputs to the generic generator of @lanyard/query-client: the vendored model and rule
// set, the docs link, one-line summaries written for this project, and what is STS's own.
import { readFileSync } from "node:fs";

const dataDir = new URL("../data/", import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(new URL(name, dataDir), "utf8"));

/** @returns {import("@lanyard/query-client/codegen").GenerateOptions} */
export const stsOptions = () => ({
  model: readJson("service-2.json"),
  ruleSet: readJson("endpoint-rule-set-1.json"),
  sources: { model: "data/service-2.json", ruleSet: "data/endpoint-rule-set-1.json" },
  docsUrl: (operation) => `https://docs.aws.amazon.com/STS/latest/APIReference/API_${operation}.html`,
  version: { module: "../version.generated.js" },
  settings: [
    {
      option: "stsRegionalEndpoints",
      builtIn: "AWS::STS::UseGlobalEndpoint",
      env: "AWS_STS_REGIONAL_ENDPOINTS",
      choices: ["regional", "legacy"],
      default: "regional",
      trueWhen: "legacy",
      doc: "`legacy` sends the legacy regions to `sts.amazonaws.com`. Default: `AWS_STS_REGIONAL_ENDPOINTS` or `regional`.",
    },
  ],
  // STS's Smithy model marks IDPCommunicationErrorException @retryable (the identity provider may
  // answer on a later try; aws-sdk-js-v3 client-sts gives it `$retryable = {}`); botocore's JSON
  // model does not carry the trait.
  retryable: { IDPCommunicationErrorException: {} },
  // A session token is as secret as the key it goes with (botocore marks only the key), so
  // printing AssumeRole's Credentials shows neither. An MFA code (AssumeRole's and
  // GetSessionToken's TokenCode) is unmarked too, yet it is a second factor, and still valid for
  // its 30-second window when an error quoting the request reaches a log. The MFA device's serial
  // number stays unmarked: it names the device and is no secret.
  sensitive: ["tokenType", "tokenCodeType"],
  // Role profiles are resolved through STS itself, so an STS client's default chain is STS's own.
  defaultCredentials: { from: "#client-default-credentials", name: "clientDefaultCredentials" },
  helpers: [
    {
      name: "presignGetCallerIdentity",
      from: "../presign.js",
      parameters: [{ name: "options", type: "PresignOptions", optional: true }],
      returns: "Promise<URL>",
      types: ["PresignOptions"],
      doc: "A presigned GetCallerIdentity URL (see `presignGetCallerIdentity`).",
    },
    {
      name: "getEksToken",
      from: "../presign.js",
      parameters: [{ name: "options", type: "EksTokenOptions" }],
      returns: "Promise<string>",
      types: ["EksTokenOptions"],
      doc: "An EKS bearer token, `k8s-aws-v1.…`, valid 60 s by default (see `getEksToken`).",
    },
    {
      name: "resolveCredentials",
      from: "@lanyard/query-client",
      parameters: [],
      returns: "Promise<AwsCredentials>",
      types: ["AwsCredentials"],
      doc: "The credentials signing the next call (cached and refreshed by their provider).",
    },
  ],
  summaries: {
    AssumeRole: "Gets temporary credentials for an IAM role, signed with the caller's own credentials.",
    AssumeRoleWithSAML:
      "Exchanges a SAML assertion from an identity provider for temporary role credentials; needs no AWS credentials.",
    AssumeRoleWithWebIdentity:
      "Exchanges an OIDC/OAuth token (e.g. a Kubernetes service-account token) for temporary role credentials; needs no AWS credentials.",
    AssumeRoot: "Gets short-lived root-user credentials for a member account of an AWS Organization.",
    DecodeAuthorizationMessage: "Turns an encoded authorization-failure message into readable JSON.",
    GetAccessKeyInfo: "Tells which account owns an access key ID.",
    GetCallerIdentity: "Reports the account, ARN and user ID behind the credentials used to sign the call.",
    GetDelegatedAccessToken: "Trades a delegation token for temporary credentials.",
    GetFederationToken: "Gets temporary credentials for a federated user, scoped by session policies.",
    GetSessionToken: "Gets temporary credentials for an IAM user or root user, optionally after MFA.",
    GetWebIdentityToken:
      "Issues a signed web-identity token (JWT) for the caller, for use with outside services.",
  },
});
