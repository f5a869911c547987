import { shapeOf, stsModel } from "./model/load.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Character data as STS writes it: only `&`, `<` and `>` are escaped (quotes need none outside attributes). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

function scalarText(type: string, value: unknown): string {
  // awsQuery timestamps are ISO 8601 (Smithy aws.protocols#awsQuery: date-time format).
  if (type === "timestamp" && value instanceof Date) return value.toISOString().replace(/\.000Z$/, "Z");
  if (type === "blob" && value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return String(value);
}

/** Renders `value` as the children of an element of shape `shapeName`, as STS writes them. */
export function renderShape(shapeName: string, value: unknown): string {
  const shape = shapeOf(shapeName);
  if (shape.type === "structure") {
    const record = value as Record<string, unknown>;
    let out = "";
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const v = record[name];
      if (v === undefined || v === null) continue;
      const tag = member.locationName ?? name;
      out += `<${tag}>${renderShape(member.shape, v)}</${tag}>`;
    }
    return out;
  }
  if (shape.type === "list") {
    const tag = shape.member?.locationName ?? "member";
    return (value as unknown[])
      .map((item) => `<${tag}>${renderShape(shape.member!.shape, item)}</${tag}>`)
      .join("");
  }
  return escapeXml(scalarText(shape.type, value));
}

/** `<OpResponse><OpResult>…</OpResult><ResponseMetadata>` as STS answers a successful call. */
export function successXml(operation: string, output: Record<string, unknown>, requestId: string): string {
  const op = stsModel().operations[operation];
  const ns = stsModel().metadata.xmlNamespace;
  const result = op?.output ? renderShape(op.output.shape, output) : "";
  const wrapper = op?.output?.resultWrapper ?? `${operation}Result`;
  return (
    `<${operation}Response xmlns="${ns}">\n  <${wrapper}>${result}</${wrapper}>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${operation}Response>\n`
  );
}

/** The awsQuery `<ErrorResponse>` envelope. */
export function errorXml(
  type: "Sender" | "Receiver",
  code: string,
  message: string,
  requestId: string,
): string {
  const ns = stsModel().metadata.xmlNamespace;
  return (
    `<ErrorResponse xmlns="${ns}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${escapeXml(code)}</Code>\n` +
    `    <Message>${escapeXml(message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}
