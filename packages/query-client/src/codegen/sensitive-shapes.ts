import type { ServiceModelJson } from "./model-json.js";

/**
 * The model with the named shapes marked `sensitive` too: botocore leaves out some that carry a
 * secret (a session token signs requests as the secret key does), and the
 * runtime keeps sensitive values out of error messages and out of a result's `util.inspect` output.
 */
export function withSensitive(model: ServiceModelJson, names: readonly string[] = []): ServiceModelJson {
  if (names.length === 0) return model;
  const shapes = { ...model.shapes };
  for (const name of names) {
    const shape = shapes[name];
    if (shape === undefined)
      throw new Error(`codegen: sensitive names ${name}, which the model does not have`);
    shapes[name] = { ...shape, sensitive: true };
  }
  return { ...model, shapes };
}
