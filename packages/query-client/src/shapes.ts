import type { ListShape, MapShape, Operation, ServiceModel, ShapeMap, StructureShape } from "./model.js";
import type { ServiceErrorClass } from "./service-error.js";

// Constructors for the generated model slices. A structure's members are written as
// `{ RoleArn: "arnType" }` rather than botocore's `{ RoleArn: { shape: "arnType" } }`: about half
// the minified bytes of a slice. Each call builds the plain botocore-format object that
// @lanyard/query-protocol reads; scalar shapes are written as botocore literals.

/** Member name → shape name, for members without serialization traits. */
export type MemberShapes = Record<string, string>;

export interface StructureOptions {
  required?: string[];
  /** Marks an error shape and gives its wire code. */
  errorCode?: string;
}

export function structure(members: MemberShapes, options: StructureOptions = {}): StructureShape {
  const shape: StructureShape = { type: "structure", members: {} };
  for (const [name, target] of Object.entries(members)) shape.members[name] = { shape: target };
  if (options.required) shape.required = options.required;
  if (options.errorCode !== undefined) {
    shape.error = { code: options.errorCode };
    shape.exception = true;
  }
  return shape;
}

/** A list of `member`, with optional item-count bounds. */
export function list(member: string, bounds: { min?: number; max?: number } = {}): ListShape {
  return { type: "list", member: { shape: member }, ...bounds };
}

/** A map from `key` shapes to `value` shapes (awsQuery: `Name.entry.N.key` / `.value`). */
export function map(key: string, value: string): MapShape {
  return { type: "map", key: { shape: key }, value: { shape: value } };
}

export interface OperationDefinition {
  name: string;
  /** The service's API version, sent as `Version`. */
  apiVersion: string;
  auth: Operation<unknown, unknown>["auth"];
  input?: string;
  output?: string;
  /** The result element, when it is not the awsQuery default `<Name>Result`. */
  resultWrapper?: string;
  /** Modeled error code → class. */
  errors: Record<string, ServiceErrorClass>;
  /** Every shape the operation reaches. */
  shapes: ShapeMap;
}

/** An operation with its own model slice, as the pipeline runs it. */
export function defineOperation<Input, Output>(definition: OperationDefinition): Operation<Input, Output> {
  const { name, input, output, resultWrapper } = definition;
  const model: ServiceModel = {
    metadata: { apiVersion: definition.apiVersion },
    operations: {
      [name]: {
        name,
        input: input === undefined ? undefined : { shape: input },
        output: output === undefined ? undefined : { shape: output, resultWrapper },
      },
    },
    shapes: definition.shapes,
  };
  return { name, auth: definition.auth, errors: definition.errors, model };
}
