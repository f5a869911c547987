/** Response bodies arrive as bytes from a transport or as text from a test. */
export function bodyText(body: Uint8Array | string): string {
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}
