import { childNamed, decodeShape, type ParseXmlOptions, parseXml } from "@lanyard/xml-codec";
import { bodyText, requestIdOf } from "./envelope.js";
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
  const { output } = findOperation(model, operationName);
  const text = bodyText(body);
  // Operations without output members may answer with an empty body.
  if (text.trim() === "") return { output: {}, requestId: undefined };
  try {
    const root = parseXml(text, options);
    const requestId = requestIdOf(root);
    if (output === undefined) return { output: {}, requestId };
    // awsQuery always wraps the output in `<OpName>Result` (Smithy awsQuery protocol,
    // "Response serialization"); older models spell it out as `resultWrapper`. Without it the
    // 200 answer is some other XML (a captive portal's page, another operation's answer), which
    // would decode to an empty output; botocore and the JS SDK fail there too.
    const wrapper = output.resultWrapper ?? `${operationName}Result`;
    const start = childNamed(root, wrapper);
    if (start === undefined) {
      throw new QueryProtocolError(
        "invalid-response",
        `The ${operationName} response has no <${wrapper}> element: expected an awsQuery <${operationName}Response> answer`,
      );
    }
    return { output: decodeShape(start, output, model.shapes) as Record<string, unknown>, requestId };
  } catch (error) {
    if (error instanceof QueryProtocolError) throw error;
    const message = `The ${operationName} response is not the XML the model describes: ${String(error)}`;
    throw new QueryProtocolError("invalid-response", message, { cause: error });
  }
}
