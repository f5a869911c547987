import examplesFile from "./data/examples-1.json" with { type: "json" };
import serviceFile from "./data/service-2.json" with { type: "json" };
import { WRITTEN_EXAMPLES } from "./written-examples.js";

/** A shape of the botocore service model, reduced to what the emulator and its users read. */
export interface Shape {
  type: string;
  members?: Record<string, { shape: string; locationName?: string }>;
  member?: { shape: string; locationName?: string };
  required?: string[];
  flattened?: boolean;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
}

export interface OperationModel {
  name: string;
  input?: { shape: string };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
  auth?: string[];
  authtype?: string;
}

export interface ServiceModel {
  metadata: { apiVersion: string; xmlNamespace: string };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

/** One request/response example as examples-1.json lists it. */
export interface Example {
  id: string;
  title: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

/** The vendored STS service model (botocore `service-2.json`). */
export function stsModel(): ServiceModel {
  return serviceFile as unknown as ServiceModel;
}

/** The documented examples (botocore `examples-1.json`), keyed by operation name. */
export function stsExamples(): Record<string, Example[]> {
  return (examplesFile as unknown as { examples: Record<string, Example[]> }).examples;
}

/** The operation named by a request's `Action`, if the model has it (`constructor` is not one). */
export function findOperation(name: string): OperationModel | undefined {
  const { operations } = stsModel();
  return Object.hasOwn(operations, name) ? operations[name] : undefined;
}

export function shapeOf(name: string): Shape {
  const shape = stsModel().shapes[name];
  if (!shape) throw new Error(`Unknown shape "${name}" in the STS model.`);
  return shape;
}

/** Operations the model marks `smithy.api#noAuth`: they are sent unsigned. */
export function isNoAuth(operation: OperationModel): boolean {
  return operation.auth?.includes("smithy.api#noAuth") === true || operation.authtype === "none";
}

/** The output of an operation's first documented example, else of its written one. */
export function exampleOutput(operation: string): Record<string, unknown> {
  const example = stsExamples()[operation]?.[0] ?? WRITTEN_EXAMPLES[operation]?.[0];
  return example?.output ?? {};
}
