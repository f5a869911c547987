import type { AwsCredentials } from "@lanyard/credentials";
import { percentEncode } from "@lanyard/http";
import type { Shape, ShapeMap } from "./model.js";
import type { ServiceErrorInit } from "./service-error.js";

const REDACTED = "[redacted]";

/**
 * The secrets one call sends: the signing secret and session token, and every input member the
 * model marks sensitive (a web identity token, a SAML assertion). A service can echo them back
 * (SignatureDoesNotMatch quotes the canonical request, `x-amz-security-token` included), and an
 * error message travels into logs and bug reports.
 */
export function callSecrets(
  shapes: ShapeMap,
  inputShape: string | undefined,
  input: unknown,
  identity: AwsCredentials | undefined,
): string[] {
  const found = [identity?.secretAccessKey, identity?.sessionToken];
  if (inputShape !== undefined) collect(shapes, shapes[inputShape], input, found);
  const secrets = found.filter((value): value is string => typeof value === "string" && value !== "");
  // A quoted request body holds the input members as the form sent them: percent-encoded (a
  // SAML assertion's + / = become %2B %2F %3D).
  return secrets.flatMap((secret) => {
    const encoded = formEncoded(secret);
    return encoded === undefined || encoded === secret ? [secret] : [secret, encoded];
  });
}

function formEncoded(secret: string): string | undefined {
  try {
    return percentEncode(secret);
  } catch {
    // An unpaired surrogate: such a value was never sent as a form member.
    return undefined;
  }
}

function collect(shapes: ShapeMap, shape: Shape | undefined, value: unknown, found: unknown[]): void {
  if (shape === undefined || value === undefined || value === null) return;
  if (shape.sensitive) found.push(value);
  else if (shape.type === "structure" && typeof value === "object") {
    for (const [name, member] of Object.entries(shape.members)) {
      collect(shapes, shapes[member.shape], (value as Record<string, unknown>)[name], found);
    }
  } else if (shape.type === "list" && Array.isArray(value)) {
    for (const item of value) collect(shapes, shapes[shape.member.shape], item, found);
  } else if (shape.type === "map" && typeof value === "object") {
    for (const item of Object.values(value)) collect(shapes, shapes[shape.value.shape], item, found);
  }
}

/** `text` with every occurrence of a secret replaced. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) clean = clean.replaceAll(secret, REDACTED);
  return clean;
}

/** An error response's parts with the call's secrets taken out of everything the service wrote. */
export function scrubErrorInit(init: ServiceErrorInit, secrets: readonly string[]): ServiceErrorInit {
  if (secrets.length === 0) return init;
  const scrub = (value: unknown): unknown =>
    typeof value === "string"
      ? withoutSecrets(value, secrets)
      : Array.isArray(value)
        ? value.map(scrub)
        : typeof value === "object" && value !== null && !(value instanceof Date)
          ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item)]))
          : value;
  return {
    ...init,
    message: withoutSecrets(init.message, secrets),
    code: init.code === undefined ? undefined : withoutSecrets(init.code, secrets),
    fields: init.fields && (scrub(init.fields) as Record<string, unknown>),
  };
}
