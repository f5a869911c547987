import { isErrorShape, type ServiceModelJson, type ShapeJson } from "./model-json.js";
import { header } from "./names.js";
import type { GenerateOptions } from "./options.js";
import { docComment, propertyKey } from "./source.js";

// types.generated.ts: one interface per structure, with the wire member names.

/** The TypeScript type of a shape's values. */
export function typeOf(shapes: Record<string, ShapeJson>, name: string): string {
  const shape = shapes[name] as ShapeJson;
  switch (shape.type) {
    case "structure":
      return name;
    case "list":
      return `${typeOf(shapes, shape.member?.shape ?? "")}[]`;
    case "map":
      return `Record<string, ${typeOf(shapes, shape.value?.shape ?? "")}>`;
    case "integer":
    case "long":
    case "float":
    case "double":
      return "number";
    case "boolean":
      return "boolean";
    case "timestamp":
      return "Date";
    case "blob":
      return "Uint8Array";
    case "string":
      return shape.enum ? shape.enum.map((value) => JSON.stringify(value)).join(" | ") : "string";
    default:
      throw new Error(`codegen: unsupported shape type "${shape.type}" (${name})`);
  }
}

function constraints(shape: ShapeJson): string {
  const parts: string[] = [];
  const unit = shape.type === "string" ? " characters" : shape.type === "list" ? " items" : "";
  if (shape.min !== undefined && shape.max !== undefined) parts.push(`${shape.min}–${shape.max}${unit}`);
  else if (shape.min !== undefined) parts.push(`at least ${shape.min}${unit}`);
  else if (shape.max !== undefined) parts.push(`at most ${shape.max}${unit}`);
  if (shape.pattern !== undefined) parts.push("pattern-checked");
  if (shape.sensitive) parts.push("sensitive: redact it in logs");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** The structures that become types: every one but the error shapes (their classes are in errors). */
function namedStructures(model: ServiceModelJson): [string, ShapeJson][] {
  return Object.entries(model.shapes).filter(
    ([, shape]) => shape.type === "structure" && !isErrorShape(shape),
  );
}

export function typesFile(options: GenerateOptions): string {
  const { model } = options;
  const lines = [header(options), ""];
  for (const [name, shape] of namedStructures(model)) {
    const required = new Set(shape.required ?? []);
    lines.push(...docComment([`The \`${name}\` structure of the ${model.metadata.serviceId} model.`]));
    if (Object.keys(shape.members ?? {}).length === 0) {
      lines.push(`export type ${name} = Record<string, never>;`, "");
      continue;
    }
    lines.push(`export interface ${name} {`);
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      const target = model.shapes[ref.shape] as ShapeJson;
      const note = `${required.has(member) ? "Required" : "Optional"}${constraints(target)}.`;
      lines.push(...docComment([note], "  "));
      lines.push(
        `  ${propertyKey(member)}${required.has(member) ? "" : "?"}: ${typeOf(model.shapes, ref.shape)};`,
      );
    }
    lines.push("}", "");
  }
  return lines.join("\n");
}
