import { type ErrorAnswer, invalidParameterValue, modeledError } from "../answer.js";

interface Tag {
  Key?: unknown;
  Value?: unknown;
}

// A session's policies and tags are packed into the session token; STS reports the share of
// the space they take as PackedPolicySize (a percentage) and refuses more than 100%. The
// packing is STS's own binary format; this estimate counts plain-text bytes against 2 KiB,
// the documented plain-text limit of a session policy.
const PACKED_SPACE = 2048;

function packedBytes(input: Record<string, unknown>): number {
  const policy = typeof input.Policy === "string" ? input.Policy.length : 0;
  const arns = Array.isArray(input.PolicyArns) ? JSON.stringify(input.PolicyArns).length : 0;
  const tags = Array.isArray(input.Tags)
    ? (input.Tags as Tag[]).reduce((sum, tag) => sum + String(tag.Key).length + String(tag.Value).length, 0)
    : 0;
  return policy + arns + tags;
}

function checkTags(input: Record<string, unknown>): ErrorAnswer | undefined {
  const keys = ((input.Tags as Tag[] | undefined) ?? []).map((tag) => String(tag.Key).toLowerCase());
  if (new Set(keys).size < keys.length)
    return invalidParameterValue("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  const transitive = (input.TransitiveTagKeys as unknown[] | undefined) ?? [];
  if (transitive.some((key) => !keys.includes(String(key).toLowerCase())))
    return invalidParameterValue("The specified transitive tag key must be included in the requested tags.");
  return undefined;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Checks the session policy and session tags of a request (MalformedPolicyDocument,
 * duplicate or stray transitive tag keys, PackedPolicyTooLarge) and returns the
 * PackedPolicySize to report, or undefined when the request passed neither.
 */
export function sessionPolicy(input: Record<string, unknown>): { error: ErrorAnswer } | { size?: number } {
  if (typeof input.Policy === "string" && !isJsonObject(input.Policy))
    return { error: modeledError("MalformedPolicyDocumentException", "Syntax errors in policy.") };
  const tagError = checkTags(input);
  if (tagError) return { error: tagError };
  const bytes = packedBytes(input);
  if (bytes === 0) return {};
  const size = Math.max(1, Math.ceil((bytes * 100) / PACKED_SPACE));
  if (size > 100) {
    const message = `Packed policy consumes ${size}% of allotted space, please use smaller policy.`;
    return { error: modeledError("PackedPolicyTooLargeException", message) };
  }
  return { size };
}
