export type { AwsCredentials, CredentialProvider } from "@lanyard/credentials";
export { resolveCredentials, signingScope, sigv4 } from "./auth.js";
export { type CallOptions, QueryClient } from "./client.js";
export { ClientError, type ClientErrorCode, ValidationError, type ValidationIssue } from "./errors.js";
export type { LogEvent, Logger } from "./logger.js";
export type { ResponseMetadata, WithMetadata } from "./metadata.js";
export type {
  AuthContext,
  AuthScheme,
  EndpointSettings,
  ListShape,
  MapShape,
  Operation,
  ParentClient,
  ScalarShape,
  ServiceDefinition,
  ServiceEndpoint,
  ServiceModel,
  ServiceSetting,
  Shape,
  ShapeMap,
  ShapeRef,
  StructureShape,
} from "./model.js";
export {
  type NodeCredentialsLoader,
  type NodeCredentialsModule,
  nodeCredentialsLoader,
} from "./node-credentials.js";
export { parentTransport } from "./parent-transport.js";
export { checkRegion } from "./region.js";
export { ServiceError, type ServiceErrorClass, type ServiceErrorInit } from "./service-error.js";
export type { ClientConfig, ClientSettings, Setting, SettingSource } from "./settings.js";
export { defineOperation, list, map, type OperationDefinition, structure } from "./shapes.js";
export type { StubResponse, StubResponses } from "./stub.js";
export { validate, validationIssues } from "./validate.js";
