// STS-specific inputs to the generic generator: names, the docs link and one-line summaries
// written for this project.
import { readFileSync } from "node:fs";

const dataDir = new URL("../data/", import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(new URL(name, dataDir), "utf8"));

export const stsModel = () => readJson("service-2.json");

export const stsOptions = () => ({
  serviceName: "STS",
  clientClass: "STSClient",
  // The presigning helpers sit between the pipeline and the generated methods, so a bundle
  // that uses STSBaseClient alone does not carry the presigner.
  baseClientClass: "STSPresigningClient",
  baseClientModule: "../presigning-client.js",
  serviceErrorClass: "STSServiceError",
  docsUrl: (operation) => `https://docs.aws.amazon.com/STS/latest/APIReference/API_${operation}.html`,
  ruleSet: readJson("endpoint-rule-set-1.json"),
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
