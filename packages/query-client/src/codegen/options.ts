import type { RuleSet } from "@lanyard/endpoints";
import type { ServiceModelJson } from "./model-json.js";

/**
 * A setting of the service's clients bound to one of its endpoint rule set's built-ins beyond
 * the common ones (`AWS::Region`, `AWS::UseFIPS`, `AWS::UseDualStack`, `SDK::Endpoint`).
 */
export interface GeneratedSetting {
  /** The client option, e.g. `s3UsEast1RegionalEndpoint`. */
  option: string;
  /** The rule-set built-in it feeds, e.g. `AWS::S3::UseGlobalEndpoint`. */
  builtIn: string;
  /** The environment variable the SDKs read for it. */
  env: string;
  choices: string[];
  default: string;
  /** For a Boolean parameter: the choice that sets it. */
  trueWhen?: string;
  /** The option's doc comment. */
  doc: string;
}

/** A method of the client class that forwards to a function taking the client first. */
export interface HelperMethod {
  name: string;
  /** The module exporting the function (relative to the generated folder) and its types. */
  from: string;
  parameters: { name: string; type: string; optional?: boolean }[];
  returns: string;
  /** Type names to import from `from`. */
  types: string[];
  doc: string;
}

/** What `generateClient` needs besides the model: names, docs and the service's own choices. */
export interface GenerateOptions {
  /** botocore `service-2.json`. */
  model: ServiceModelJson;
  /** The service's `endpoint-rule-set-1.json`. */
  ruleSet: RuleSet;
  /** Where the two inputs came from, for the generated files' headers. */
  sources: { model: string; ruleSet: string };
  /** The API reference page of an operation, linked from its doc comment. */
  docsUrl(operation: string): string;
  /** One line per operation, in the project's own words; default "Calls the X `Op` operation." */
  summaries?: Record<string, string>;
  /** The generated package's version, a string, or the module exporting `VERSION`. */
  version: { literal: string } | { module: string };
  settings?: GeneratedSetting[];
  /**
   * Modeled errors (by shape name) the SDKs retry although the botocore model has no `retryable`
   * trait for them (it is in the service's Smithy model).
   */
  retryable?: Record<string, { throttling?: boolean }>;
  /**
   * Shapes (by name) to treat as sensitive although the botocore model does not mark them: their
   * values are kept out of error messages and shown as `[redacted]` when a result is logged.
   */
  sensitive?: string[];
  helpers?: HelperMethod[];
  /**
   * The service definition's `defaultCredentials` (for a service that resolves role profiles through itself):
   * the function and the module exporting it.
   */
  defaultCredentials?: { from: string; name: string };
  /** Where generated code imports the runtime from. Default `@lanyard/query-client`. */
  runtime?: string;
}
