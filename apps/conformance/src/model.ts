import { readFileSync } from "node:fs";

/** A shape of the botocore service model, reduced to what the emulator and the replay read. */
export interface Shape {
  type: string;
  members?: Record<string, { shape: string; locationName?: string }>;
  member?: { shape: string; locationName?: string };
  required?: string[];
  flattened?: boolean;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
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

function readData<T>(name: string): T {
  // `../data` resolves the same from src/ (tests) and dist/ (the CLI).
  return JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8")) as T;
}

let model: ServiceModel | undefined;
let examples: Record<string, Example[]> | undefined;

/** The vendored STS service model (botocore `service-2.json`). */
export function stsModel(): ServiceModel {
  model ??= readData<ServiceModel>("service-2.json");
  return model;
}

/** The documented examples (botocore `examples-1.json`), keyed by operation name. */
export function stsExamples(): Record<string, Example[]> {
  examples ??= readData<{ examples: Record<string, Example[]> }>("examples-1.json").examples;
  return examples;
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

/** Every modeled error shape name, each with the first operation that lists it. */
export function modeledErrors(): { shape: string; operation: string }[] {
  const seen = new Map<string, string>();
  for (const [name, op] of Object.entries(stsModel().operations)) {
    for (const { shape } of op.errors ?? []) if (!seen.has(shape)) seen.set(shape, name);
  }
  return [...seen].map(([shape, operation]) => ({ shape, operation }));
}
