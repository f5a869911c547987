import type { STSServiceError } from "./service-error.js";
import type { ServiceErrorInit } from "./service-error.js";

/** A reference from a structure member or list to another shape (botocore model format). */
export interface ShapeRef {
  shape: string;
  locationName?: string;
  flattened?: boolean;
  xmlNamespace?: unknown;
}

/** One shape of a botocore service model, trimmed to what the runtime reads. */
export interface Shape {
  type: string;
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  flattened?: boolean;
  locationName?: string;
  min?: number;
  max?: number;
  /** Already translated to a JavaScript `u`-flag regular expression source by the generator. */
  pattern?: string;
  timestampFormat?: string;
  sensitive?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  exception?: boolean;
}

/** The wire description of one operation, as query-protocol reads it. */
export interface OperationModel {
  name: string;
  http?: { method: string; requestUri: string };
  input?: { shape: string };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
  auth?: string[];
}

/** A botocore-format service model holding just one operation and the shapes it reaches. */
export interface OperationServiceModel {
  metadata: { apiVersion: string; protocol?: string; xmlNamespace?: string; serviceId?: string; endpointPrefix?: string };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

/** A class for a modeled error, constructible from the parsed error. */
export type ModeledErrorClass = new (init: ServiceErrorInit) => STSServiceError;

/**
 * Everything the pipeline needs for one operation. Each operation carries its own slice of the
 * model so a bundle that calls one operation does not pull in the others.
 */
export interface Operation<Input, Output> {
  name: string;
  /** `smithy.api#noAuth`: the request is sent unsigned and needs no credentials. */
  noAuth: boolean;
  /** Modeled error code → class. */
  errors: Record<string, ModeledErrorClass>;
  model: OperationServiceModel;
  /** Phantom fields that carry the input/output types; never set at run time. */
  readonly __types?: { input: Input; output: Output };
}

/** The endpoint rule set as data (Smithy endpoint rules language 1.0). */
export interface RuleSetData {
  version: string;
  parameters: Record<string, unknown>;
  rules: unknown[];
}
