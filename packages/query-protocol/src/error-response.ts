import { childNamed, childText, decodeShape, parseXml, type XmlElement } from "@lanyard/xml-codec";
import { bodyText, requestIdOf } from "./envelope.js";
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

const ENVELOPE_MEMBERS = ["Code", "Type", "Message", "message"];

/**
 * Reads an awsQuery error: `<ErrorResponse><Error><Type/><Code/><Message/>…</Error>
 * <RequestId/></ErrorResponse>` (also EC2's `<Response><Errors><Error>`). A body that is
 * not such XML (a proxy's HTML page, an empty 503) yields a generic error whose code is the
 * HTTP status and whose message is its reason phrase, as botocore's
 * `_do_generic_error_parsing` does, so retry logic can still classify it by status.
 */
export function parseError(status: number, body: Uint8Array | string, model?: ServiceModel): ParsedError {
  const root = tryParse(bodyText(body));
  const error = root && findErrorElement(root);
  if (root === undefined || error === undefined) {
    return {
      code: String(status),
      message: reasonPhrase(status),
      type: undefined,
      requestId: undefined,
      status,
      fields: {},
    };
  }
  const code = childText(error, "Code") ?? String(status);
  const shape = model && findErrorShape(model, code);
  const decoded = model && shape !== undefined ? decodeFields(error, shape, model) : undefined;
  return {
    code,
    message: childText(error, "Message") ?? childText(error, "message") ?? "",
    type: childText(error, "Type"),
    requestId: requestIdOf(root),
    status,
    fields: decoded ?? rawFields(error),
  };
}

function tryParse(text: string): XmlElement | undefined {
  try {
    return parseXml(text);
  } catch {
    return undefined;
  }
}

function findErrorElement(root: XmlElement): XmlElement | undefined {
  if (root.name === "Error") return root;
  const errors = childNamed(root, "Errors");
  return childNamed(root, "Error") ?? (errors && childNamed(errors, "Error"));
}

/** A modeled error matches by its `error.code` or, without one, by its shape name. */
function findErrorShape(model: ServiceModel, code: string): string | undefined {
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (
      shape.type === "structure" &&
      (shape.exception || shape.error) &&
      (shape.error?.code ?? name) === code
    ) {
      return name;
    }
  }
  return undefined;
}

function decodeFields(error: XmlElement, shapeName: string, model: ServiceModel) {
  try {
    const decoded = decodeShape(error, shapeName, model.shapes, "Error") as Record<string, unknown>;
    for (const key of ENVELOPE_MEMBERS) delete decoded[key];
    return decoded;
  } catch {
    return undefined;
  }
}

function rawFields(error: XmlElement): Record<string, unknown> {
  const leaves = error.children.filter(
    (child) => !ENVELOPE_MEMBERS.includes(child.name) && child.children.length === 0,
  );
  // fromEntries defines own data properties, so a member named "__proto__" stays an ordinary one.
  return Object.fromEntries(leaves.map((child) => [child.name, child.text.trim()]));
}
