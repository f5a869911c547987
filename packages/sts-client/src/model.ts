import type {
  ListShape,
  OperationModel,
  ScalarShape,
  ServiceModel,
  Shape,
  ShapeRef,
  StructureShape,
} from "@lanyard/query-protocol";
import type { ServiceErrorInit, STSServiceError } from "./service-error.js";

/**
 * The model types are query-protocol's (botocore JSON format): each operation carries a
 * `ServiceModel` holding just that operation and the shapes it reaches.
 */
export type {
  ListShape,
  OperationModel,
  ScalarShape,
  ServiceModel as OperationServiceModel,
  Shape,
  ShapeRef,
  StructureShape,
};

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
  model: ServiceModel;
  /** Phantom fields that carry the input/output types; never set at run time. */
  readonly __types?: { input: Input; output: Output };
}

/** The endpoint rule set as data (Smithy endpoint rules language 1.0), typed by the engine. */
export type { RuleSet as RuleSetData } from "@lanyard/endpoints";
