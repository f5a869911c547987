import { base64ToBytes, bytesToBase64 } from "@lanyard/xml-codec";
import type { Shape, ShapeMap, ShapeRef } from "../src/index.js";

/** Reads a form body back into a value of `shape`, the inverse of awsQuery serialization. */
export function formToValue(
  pairs: Map<string, string>,
  prefix: string,
  ref: ShapeRef | string,
  shapes: ShapeMap,
): unknown {
  const shape = shapes[typeof ref === "string" ? ref : ref.shape] as Shape;
  const at = (key: string) => (prefix === "" ? key : `${prefix}.${key}`);
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const key = at(member.locationName ?? name);
        const has = pairs.has(key) || [...pairs.keys()].some((k) => k.startsWith(`${key}.`));
        if (has) out[name] = formToValue(pairs, key, member, shapes);
      }
      return out;
    }
    case "list": {
      if (pairs.get(prefix) === "") return [];
      const items: unknown[] = [];
      for (let i = 1; ; i++) {
        const key = `${prefix}.member.${i}`;
        if (!pairs.has(key) && ![...pairs.keys()].some((k) => k.startsWith(`${key}.`))) return items;
        items.push(formToValue(pairs, key, shape.member, shapes));
      }
    }
    default: {
      const text = pairs.get(prefix) ?? "";
      if (shape.type === "integer" || shape.type === "long") return Number(text);
      if (shape.type === "boolean") return text === "true";
      if (shape.type === "timestamp") return new Date(text);
      if (shape.type === "blob") return base64ToBytes(text);
      return text;
    }
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Writes a value as awsQuery response XML, the way an AWS service does. */
export function valueToXml(value: unknown, ref: ShapeRef | string, shapes: ShapeMap): string {
  const shape = shapes[typeof ref === "string" ? ref : ref.shape] as Shape;
  switch (shape.type) {
    case "structure":
      return Object.entries(shape.members)
        .filter(([name]) => (value as Record<string, unknown>)[name] !== undefined)
        .map(([name, member]) => {
          const tag = member.locationName ?? name;
          return `<${tag}>${valueToXml((value as Record<string, unknown>)[name], member, shapes)}</${tag}>`;
        })
        .join("");
    case "list":
      return (value as unknown[])
        .map((item) => `<member>${valueToXml(item, shape.member, shapes)}</member>`)
        .join("");
    case "timestamp":
      return (value as Date).toISOString();
    case "blob":
      return bytesToBase64(value as Uint8Array);
    default:
      return escapeXml(String(value));
  }
}
