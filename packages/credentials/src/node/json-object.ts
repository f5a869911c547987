export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text's JSON object, or undefined for anything else (`null`, an array, not JSON at all). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    // JSON.parse's message quotes the input, which may hold secrets: report only the fact.
    return undefined;
  }
}
