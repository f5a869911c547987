import { childNamed, childText, type XmlElement } from "@lanyard/xml-codec";

/** Response bodies arrive as bytes from a transport or as text from a test. */
export function bodyText(body: Uint8Array | string): string {
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}

/**
 * The request id of a response or error document: `<ResponseMetadata><RequestId>` (responses,
 * some errors) or a direct `<RequestId>` child (`<ErrorResponse>`; EC2 spells it `RequestID`).
 */
export function requestIdOf(root: XmlElement): string | undefined {
  const metadata = childNamed(root, "ResponseMetadata");
  return (
    childText(root, "RequestId") ??
    childText(root, "RequestID") ??
    (metadata && childText(metadata, "RequestId"))
  );
}
