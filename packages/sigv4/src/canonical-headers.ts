import { invalid, SigV4Error } from "./errors.js";

/**
 * Headers never signed: hop-by-hop or rewritten by proxies and user agents on the way, so a
 * signature over them would not verify. The list follows the Smithy signer's
 * ALWAYS_UNSIGNABLE_HEADERS (smithy-typescript, packages/signature-v4/src/constants.ts); written
 * as one space-separated string, which bundles smaller than an array of literals.
 */
export const UNSIGNABLE_HEADERS: ReadonlySet<string> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    "authorization cache-control connection expect from keep-alive max-forwards pragma " +
    "proxy-authorization referer te trailer transfer-encoding upgrade user-agent x-amzn-trace-id"
  ).split(" "),
);

// RFC 9110 §5.6.2 token characters: anything else (spaces, colons, non-ASCII) is not a header name.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Leading or trailing space, two spaces in a row, or a tab, CR or LF: the value needs folding.
const NEEDS_FOLDING = /^ | $| {2}|[\t\r\n]/;

/** Trims a value and folds inner runs of whitespace (incl. obsolete line folding) into one space. */
export function foldHeaderValue(value: string): string {
  return NEEDS_FOLDING.test(value) ? value.replace(/[ \t\r\n]+/g, " ").trim() : value;
}

export interface CanonicalHeaders {
  /** `name:value\n` lines, sorted by name. */
  canonical: string;
  /** Lower-case names joined with `;`. */
  signed: string;
}

/**
 * Lower-case name → folded value (repeated names joined with ","). Unsignable headers are left out
 * unless `all` is set, as a verifier does to recompute exactly what a client chose to sign.
 */
export function signableHeaders(
  headers: Record<string, string>,
  host: string,
  all = false,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    const raw = headers[name];
    if (raw === undefined || (!all && UNSIGNABLE_HEADERS.has(lower))) continue;
    if (!TOKEN.test(name)) {
      throw invalid(
        "invalid-header-name",
        `Invalid header name ${JSON.stringify(name)}`,
        "an RFC 9110 token",
      );
    }
    const value = foldHeaderValue(String(raw));
    const previous = out.get(lower);
    out.set(lower, previous === undefined ? value : `${previous},${value}`);
  }
  // The transport sends Host from the URL when the caller did not set it, so sign that value.
  if (!out.has("host")) out.set("host", host);
  return out;
}

/** Throws unless every name a verifier was given (its `SignedHeaders`) is in the request. */
export function requireHeaders(signable: Map<string, string>, names: readonly string[]): void {
  for (const name of names) {
    if (!signable.has(name.toLowerCase())) {
      throw new SigV4Error(
        "missing-signed-header",
        `Signed header "${name.toLowerCase()}" is not in the request: every name in signedHeaders must be present.`,
      );
    }
  }
}

/** Canonical header lines and the signed-headers list for the given names (all of them if omitted). */
export function canonicalHeaders(signable: Map<string, string>, names?: readonly string[]): CanonicalHeaders {
  const sorted = names ? names.map((name) => name.toLowerCase()) : [...signable.keys()];
  sorted.sort();
  let canonical = "";
  for (const name of sorted) canonical += `${name}:${signable.get(name)}\n`;
  return { canonical, signed: sorted.join(";") };
}
