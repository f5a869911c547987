import { childNamed, decodeShape, parseXml, type StructureShape, type XmlElement } from "@lanyard/xml-codec";
import { bodyText } from "./body.js";
import type { ServiceModel } from "./model.js";
import { reasonPhrase } from "./reason-phrases.js";

export interface ParsedError {
  code: string;
  message: string;
  type: string | undefined;
  requestId: string | undefined;
  status: number;
  /** Members beyond Code, Type and Message; decoded with the error shape when the code is modeled. */
  fields: Record<string, unknown>;
}

const ENVELOPE_MEMBERS = new Set(["Code", "Type", "Message", "message"]);

/**
 * Reads an awsQuery error: `<ErrorResponse><Error><Type/><Code/><Message/>…</Error>
 * <RequestId/></ErrorResponse>` (also EC2's `<Response><Errors><Error>`). A body that is
 * not such XML (a proxy's HTML page, an empty 503) yields a generic error whose code is the
 * HTTP status and whose message is its reason phrase, as botocore's
 * `_do_generic_error_parsing` does, so retry logic can still classify it by status.
 */
export function parseError(status: number, body: Uint8Array | string, model?: ServiceModel): ParsedError {
  const root = tryParse(bodyText(body));
  const error = root === undefined ? undefined : findErrorElement(root);
  if (root === undefined || error === undefined) return genericError(status);
  const code = childText(error, "Code") ?? String(status);
  const shape = model === undefined ? undefined : findErrorShape(model, code);
  return {
    code,
    message: childText(error, "Message") ?? childText(error, "message") ?? "",
    type: childText(error, "Type"),
    requestId: errorRequestId(root),
    status,
    fields: shape === undefined || model === undefined ? rawFields(error) : decodeFields(error, shape, model),
  };
}

function tryParse(text: string): XmlElement | undefined {
  if (text.trim() === "") return undefined;
  try {
    return parseXml(text);
  } catch {
    return undefined;
  }
}

function findErrorElement(root: XmlElement): XmlElement | undefined {
  if (root.name === "Error") return root;
  const direct = childNamed(root, "Error");
  if (direct !== undefined) return direct;
  const errors = childNamed(root, "Errors");
  return errors === undefined ? undefined : childNamed(errors, "Error");
}

function errorRequestId(root: XmlElement): string | undefined {
  const direct = childNamed(root, "RequestId") ?? childNamed(root, "RequestID");
  if (direct !== undefined) return direct.text.trim();
  const metadata = childNamed(root, "ResponseMetadata");
  return metadata === undefined ? undefined : childText(metadata, "RequestId");
}

function childText(element: XmlElement, name: string): string | undefined {
  return childNamed(element, name)?.text.trim();
}

/** A modeled error matches by its `error.code` or, without one, by its shape name. */
function findErrorShape(model: ServiceModel, code: string): string | undefined {
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "structure") continue;
    const s = shape as StructureShape;
    if (!s.exception && s.error === undefined) continue;
    if ((s.error?.code ?? name) === code) return name;
  }
  return undefined;
}

function decodeFields(error: XmlElement, shapeName: string, model: ServiceModel): Record<string, unknown> {
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeShape(error, shapeName, model.shapes, "Error") as Record<string, unknown>;
  } catch {
    return rawFields(error);
  }
  for (const key of ENVELOPE_MEMBERS) delete decoded[key];
  return decoded;
}

function rawFields(error: XmlElement): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const child of error.children) {
    if (ENVELOPE_MEMBERS.has(child.name) || child.children.length > 0) continue;
    Object.defineProperty(fields, child.name, {
      value: child.text.trim(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return fields;
}

function genericError(status: number): ParsedError {
  return {
    code: String(status),
    message: reasonPhrase(status),
    type: undefined,
    requestId: undefined,
    status,
    fields: {},
  };
}
