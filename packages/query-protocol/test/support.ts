import { readFileSync } from "node:fs";
import type { OperationModel, ServiceModel, ShapeMap } from "../src/index.js";

export interface Suite<C> {
  description: string;
  metadata: { apiVersion: string; protocol: string };
  shapes: ShapeMap;
  cases: C[];
}

export function loadVectors<C>(file: string): Suite<C>[] {
  return JSON.parse(readFileSync(new URL(`./vectors/${file}`, import.meta.url), "utf8"));
}

export function loadStsModel(): ServiceModel {
  return JSON.parse(readFileSync(new URL("./vectors/service-2.json", import.meta.url), "utf8"));
}

/** A one-operation model from a protocol-test suite. */
export function suiteModel(suite: Suite<unknown>, operation: OperationModel): ServiceModel {
  return {
    metadata: suite.metadata,
    operations: { [operation.name]: operation },
    shapes: suite.shapes,
  };
}

/** Form bodies compared as sorted, decoded key/value pairs: order is not significant. */
export function formPairs(body: string): string[] {
  if (body === "") return [];
  return body
    .split("&")
    .map((pair) => {
      const [key = "", value = ""] = pair.split("=");
      return `${decodeURIComponent(key)}=${decodeURIComponent(value)}`;
    })
    .sort();
}

/** Brings decoded values to the JSON form the vectors use: epoch seconds, UTF-8 text, "NaN". */
export function toVectorForm(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(toVectorForm);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toVectorForm(v)]));
  }
  return value;
}
