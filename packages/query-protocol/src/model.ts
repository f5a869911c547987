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

export function findOperation(model: ServiceModel, name: string): OperationModel {
  const operation = Object.hasOwn(model.operations, name) ? model.operations[name] : undefined;
  if (operation) return operation;
  const known = Object.keys(model.operations).join(", ");
  throw new QueryProtocolError("unknown-operation", `The model has no operation "${name}" (it has ${known})`);
}
