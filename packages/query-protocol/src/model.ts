import type { ShapeMap, ShapeRef } from "@lanyard/xml-codec";
import { QueryProtocolError } from "./errors.js";

export type {
  ListShape,
  MapShape,
  ScalarShape,
  ScalarType,
  Shape,
  ShapeMap,
  ShapeRef,
  StructureShape,
} from "@lanyard/xml-codec";

/** One operation of a botocore JSON service model. */
export interface OperationModel {
  name: string;
  http?: { method?: string; requestUri?: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef & { resultWrapper?: string };
  errors?: ShapeRef[];
  auth?: string[];
  documentation?: string;
  [trait: string]: unknown;
}

/** A botocore JSON service model (`service-2.json`), as far as awsQuery needs it. */
export interface ServiceModel {
  metadata: {
    apiVersion: string;
    xmlNamespace?: string | { uri?: string; prefix?: string };
    protocol?: string;
    [key: string]: unknown;
  };
  operations: Record<string, OperationModel>;
  shapes: ShapeMap;
}

export function findOperation(model: ServiceModel, operationName: string): OperationModel {
  const operation = Object.hasOwn(model.operations, operationName)
    ? model.operations[operationName]
    : undefined;
  if (operation === undefined) {
    throw new QueryProtocolError(
      "unknown-operation",
      `The service model has no operation "${operationName}"; expected one of ${Object.keys(model.operations).join(", ")}`,
    );
  }
  return operation;
}
