// @lanyard/sts-client: STS's generated model on @lanyard/query-client, plus what is STS's own
// (presigning, the EKS token, the STS credential providers).
export {
  type AwsCredentials,
  type CallOptions,
  ClientError as STSClientError,
  type ClientErrorCode as STSClientErrorCode,
  type CredentialProvider,
  checkRegion,
  type LogEvent,
  type Operation,
  type ResponseMetadata,
  type ServiceErrorInit,
  type StubResponse,
  type StubResponses,
  ValidationError,
  type ValidationIssue,
  type WithMetadata,
} from "@lanyard/query-client";
export * from "./credentials/index.js";
export { STSBaseClient, STSClient } from "./generated/client.generated.js";
export * from "./generated/errors.generated.js";
export * from "./generated/operations.generated.js";
export type { STSClientConfig } from "./generated/service.generated.js";
export type * from "./generated/types.generated.js";
export {
  type EksTokenOptions,
  getEksToken,
  type PresignOptions,
  presignGetCallerIdentity,
} from "./presign.js";
export { VERSION } from "./version.generated.js";
