/**
 * TypeScript view of botocore's JSON service-model shapes (`service-2.json`,
 * the protocol test suites). Only the fields a codec or validator reads are typed;
 * `documentation` and other annotations may be present or absent.
 */

/** A reference to a named shape, with the member-level serialization traits. */
export interface ShapeRef {
  shape: string;
  locationName?: string;
  flattened?: boolean;
  xmlNamespace?: { uri?: string; prefix?: string };
  xmlAttribute?: boolean;
  idempotencyToken?: boolean;
  hostLabel?: boolean;
  documentation?: string;
  [trait: string]: unknown;
}

interface ShapeBase {
  documentation?: string;
  locationName?: string;
  flattened?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  box?: boolean;
  timestampFormat?: "iso8601" | "rfc822" | "unixTimestamp" | string;
  [trait: string]: unknown;
}

export interface StructureShape extends ShapeBase {
  type: "structure";
  members: Record<string, ShapeRef>;
  required?: string[];
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  exception?: boolean;
  fault?: boolean;
}

export interface ListShape extends ShapeBase {
  type: "list";
  member: ShapeRef;
}

export interface MapShape extends ShapeBase {
  type: "map";
  key: ShapeRef;
  value: ShapeRef;
}

export type ScalarType =
  | "string"
  | "integer"
  | "long"
  | "short"
  | "byte"
  | "float"
  | "double"
  | "bigdecimal"
  | "biginteger"
  | "boolean"
  | "timestamp"
  | "blob";

export interface ScalarShape extends ShapeBase {
  type: ScalarType;
}

export type Shape = StructureShape | ListShape | MapShape | ScalarShape;

export type ShapeMap = Record<string, Shape>;
