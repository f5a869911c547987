import type { AwsCredentials } from "@lanyard/credentials";
import type { ResolvedEndpoint } from "@lanyard/endpoints";
import type { HttpRequest, Transport } from "@lanyard/http";
import type {
  ListShape,
  MapShape,
  ScalarShape,
  ServiceModel,
  Shape,
  ShapeMap,
  ShapeRef,
  StructureShape,
} from "@lanyard/query-protocol";
import type { ServiceErrorClass } from "./service-error.js";
import type { ClientConfig, ClientSettings } from "./settings.js";

/**
 * The model types are query-protocol's (botocore JSON format): each operation carries a
 * `ServiceModel` holding just that operation and the shapes it reaches.
 */
export type { ListShape, MapShape, ScalarShape, ServiceModel, Shape, ShapeMap, ShapeRef, StructureShape };

/** Where to send a client's calls: resolved once per client. */
export interface ServiceEndpoint {
  url: URL;
  headers: Record<string, string>;
  /** The rules' properties (`authSchemes`, …), for the operation's auth scheme to read. */
  properties: Record<string, unknown>;
  /** What signs where the rules name nothing: the service's signing name, the client's region. */
  signingDefaults: { signingName: string; signingRegion: string };
}

/**
 * A client as the credentials it signs with see it (structurally `QueryClient`): role profiles
 * resolved for it take its profile, region, endpoint settings, transport and logger.
 */
export interface ParentClient {
  readonly config: Readonly<ClientConfig>;
  readonly service: ServiceDefinition;
  /** The client's region (checked), or undefined when nothing names one. */
  resolveRegion(): Promise<string | undefined>;
  resolveSettings(): Promise<Readonly<ClientSettings>>;
  /** The transport the client sends with (its default one is made on first use). */
  resolveTransport(): Promise<Transport>;
}

/** The client a scheme resolves an identity for. */
export type AuthContext = ParentClient;

/**
 * How an operation's requests are authorized. Operations the model marks `smithy.api#noAuth`
 * carry none, so a bundle that calls only those holds no signer and no credential code.
 */
export interface AuthScheme {
  /** The identity to sign with, resolved (and cached) per client. */
  identity(client: AuthContext): Promise<AwsCredentials>;
  /**
   * A signed copy of the request for one attempt (later attempts sign the same request again);
   * `date` comes from the skew-corrected clock.
   */
  sign(
    request: HttpRequest,
    identity: AwsCredentials,
    endpoint: ServiceEndpoint,
    date: Date,
  ): Promise<HttpRequest>;
}

/**
 * Everything the pipeline needs for one operation. Each operation carries its own slice of the
 * model so a bundle that calls one operation does not pull in the others.
 */
export interface Operation<Input, Output> {
  name: string;
  /** Undefined for `smithy.api#noAuth` operations: sent unsigned, no credentials needed. */
  auth: AuthScheme | undefined;
  /** Modeled error code → class. */
  errors: Record<string, ServiceErrorClass>;
  model: ServiceModel;
  /** Phantom field that carries the input/output types; never set at run time. */
  readonly __types?: { input: Input; output: Output };
}

/** The endpoint rule set's inputs, from the client settings and the resolved region. */
export interface EndpointSettings {
  region: string | undefined;
  endpoint: string | undefined;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  /** The service's own settings by option name. */
  service: Readonly<Record<string, string | boolean | undefined>>;
}

/** A setting of one service's clients beyond the common ones, fed to its endpoint rules. */
export interface ServiceSetting {
  /** The option name, e.g. `s3UsEast1RegionalEndpoint`. */
  option: string;
  /** The environment variable the SDKs read for it, e.g. `AWS_S3_US_EAST_1_REGIONAL_ENDPOINT`. */
  env: string;
  /** The values it takes (matched case-insensitively in the environment). */
  choices: readonly string[];
  default: string;
}

/** What a generated client binds into the runtime: the service's identity and endpoint rules. */
export interface ServiceDefinition {
  /** The model's `serviceId`, e.g. `IAM`: named in messages and the user agent. */
  id: string;
  /** The generated package's version, sent as `api/<id>#<version>`. */
  version: string;
  /** SigV4 signing name when the endpoint names none (the model's `signingName`). */
  signingName: string;
  /** `AWS_ENDPOINT_URL_<SERVICE>`, the service-specific endpoint variable. */
  endpointVariable: string;
  /** The compiled endpoint rule set; throws `EndpointError` where the rules do. */
  resolveEndpoint(settings: EndpointSettings): ResolvedEndpoint;
  /** The class of answered errors whose code the operation does not model. */
  ServiceError: ServiceErrorClass;
  settings?: readonly ServiceSetting[];
  /**
   * The credentials a client without `credentials` signs with, for a service that knows better
   * than the platform (one that resolves role profiles through itself); it returns undefined where
   * there are none. Without it, the platform's default chain (Node) or none.
   */
  defaultCredentials?: (parent: ParentClient) => (() => Promise<AwsCredentials>) | undefined;
}
