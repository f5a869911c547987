import {
  childNamed,
  decodeShape,
  type ParseXmlOptions,
  parseXml,
  XmlCodecError,
  type XmlElement,
} from "@lanyard/xml-codec";
import { bodyText } from "./body.js";
import { QueryProtocolError } from "./errors.js";
import { findOperation, type ServiceModel } from "./model.js";

export interface ParsedResponse {
  output: Record<string, unknown>;
  requestId: string | undefined;
}

/**
 * Decodes a successful awsQuery response: `<OpResponse><OpResult>…</OpResult>
 * <ResponseMetadata><RequestId>…` with the operation's output shape. The result element is
 * the model's `resultWrapper` (botocore `QueryParser._do_parse`).
 */
export function parseResponse(
  operationName: string,
  body: Uint8Array | string,
  model: ServiceModel,
  options?: ParseXmlOptions,
): ParsedResponse {
  const operation = findOperation(model, operationName);
  const text = bodyText(body);
  // Operations without output members may answer with an empty body.
  if (text.trim() === "") return { output: {}, requestId: undefined };
  const root = parseEnvelope(text, operationName, options);
  const requestId = responseRequestId(root);
  if (operation.output === undefined) return { output: {}, requestId };
  // awsQuery always wraps the output in `<OpName>Result` (Smithy awsQuery protocol,
  // "Response serialization"); older models spell it out as `resultWrapper`.
  const wrapper = operation.output.resultWrapper ?? `${operationName}Result`;
  const start = childNamed(root, wrapper) ?? root;
  try {
    const output = decodeShape(start, operation.output, model.shapes, start.name);
    return { output: output as Record<string, unknown>, requestId };
  } catch (error) {
    throw invalidResponse(operationName, error);
  }
}

function parseEnvelope(text: string, operationName: string, options?: ParseXmlOptions): XmlElement {
  try {
    return parseXml(text, options);
  } catch (error) {
    throw invalidResponse(operationName, error);
  }
}

function responseRequestId(root: XmlElement): string | undefined {
  const metadata = childNamed(root, "ResponseMetadata");
  const id = metadata === undefined ? undefined : childNamed(metadata, "RequestId");
  return id?.text.trim();
}

function invalidResponse(operationName: string, error: unknown): QueryProtocolError {
  const detail = error instanceof XmlCodecError ? error.message : String(error);
  return new QueryProtocolError(
    "invalid-response",
    `The ${operationName} response is not the XML the model describes: ${detail}`,
    { cause: error },
  );
}
