export { type CallOptions, STSBaseClient } from "./base-client.js";
export type { RetryMode, STSClientConfig } from "./config.js";
export * from "./credentials/index.js";
export type { ResolvedStsEndpoint } from "./endpoint.js";
export { STSClientError, type STSClientErrorCode, ValidationError, type ValidationIssue } from "./errors.js";
export { STSClient } from "./generated/client.generated.js";
export * from "./generated/errors.generated.js";
export * from "./generated/operations.generated.js";
export type * from "./generated/types.generated.js";
export type { LogEvent } from "./logger.js";
export type { ResponseMetadata, WithMetadata } from "./metadata.js";
export type { ModeledErrorClass, Operation } from "./model.js";
export {
  type EksTokenOptions,
  getEksToken,
  type PresignOptions,
  presignGetCallerIdentity,
} from "./presign.js";
export { STSPresigningClient } from "./presigning-client.js";
export { isSTSServiceError, type ServiceErrorInit, STSServiceError } from "./service-error.js";
export type { StubResponse, StubResponses } from "./stub.js";
export { validate, validationIssues } from "./validate.js";
export { VERSION } from "./version.js";
