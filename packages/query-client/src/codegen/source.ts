// Small helpers for writing TypeScript source; biome formats the result.

export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A name usable as an identifier (botocore shape names almost always are). */
export function identifier(name: string): string {
  const safe = name.replace(/[^\w$]/g, "_");
  return /^\d/.test(safe) ? `_${safe}` : safe;
}

/** `AssumeRole` → `assumeRole`. */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `Auto Scaling` → `AutoScaling`: the prefix of a service's class names. */
export function pascalCase(serviceId: string): string {
  return serviceId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** A value as a TypeScript literal (JSON, with identifier keys left bare). */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, inner]) => `${propertyKey(key)}: ${literal(inner)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Words of `text` in lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** A `/** … *\/` comment, one line or several, wrapped to the formatter's line width. */
export function docComment(paragraphs: string[], indent = ""): string[] {
  const width = 106 - indent.length;
  const lines = paragraphs.flatMap((text) => wrap(text, width - 3));
  if (lines.length === 1 && lines[0]!.length <= width - 6) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`), `${indent} */`];
}

/** `import { a, type B } from "m";` with the names sorted as biome sorts them. */
export function importLine(names: Iterable<string>, from: string): string {
  const sorted = [...new Set(names)].sort((a, b) =>
    a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""), "en", { sensitivity: "base" }),
  );
  return `import { ${sorted.join(", ")} } from "${from}";`;
}
