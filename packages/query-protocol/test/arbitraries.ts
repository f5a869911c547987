import fc from "fast-check";
import type { Shape, ShapeMap, ShapeRef, StructureShape } from "../src/index.js";

// Text that survives an XML round trip: XML 1.0 characters without CR (parsers normalize
// line ends) and without unpaired surrogates.
const xmlText = fc
  .string({ unit: "grapheme", maxLength: 12 })
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g, ""));

const timestamp = fc
  .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

/** Random values for a model shape; structures get a random subset of their members. */
export function valueFor(ref: ShapeRef | string, shapes: ShapeMap, depth = 0): fc.Arbitrary<unknown> {
  const shape = shapes[typeof ref === "string" ? ref : ref.shape] as Shape;
  switch (shape.type) {
    case "structure":
      return structureFor(shape, shapes, depth);
    case "list":
      return fc.array(valueFor(shape.member, shapes, depth + 1), { maxLength: depth > 2 ? 0 : 3 });
    case "map":
      return fc.dictionary(xmlText, valueFor(shape.value, shapes, depth + 1), { maxKeys: 3 });
    case "integer":
    case "long":
      return fc.integer();
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return timestamp;
    case "blob":
      return fc.uint8Array({ maxLength: 10 });
    case "float":
    case "double":
      return fc.double({ noDefaultInfinity: false });
    default:
      return xmlText;
  }
}

function structureFor(shape: StructureShape, shapes: ShapeMap, depth: number): fc.Arbitrary<unknown> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    model[name] = valueFor(member, shapes, depth + 1);
  }
  const record = fc.record(model, { requiredKeys: [] });
  // An empty nested structure writes no form pairs at all, so it cannot be told from an
  // absent one (true of every awsQuery client); generate only non-empty ones below the top.
  return depth === 0 ? record : record.filter((value) => Object.keys(value).length > 0);
}
