import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, verify } from "node:crypto";
import type { ServerResponse } from "node:http";
import { json, type Loopback, loopback } from "./helpers.js";

/** The console session a test signs in as; its cache file name is fixed by the CLI's rule. */
export const LOGIN_SESSION = "arn:aws:sts::012345678910:assumed-role/Admin/admin";
/** sha256(LOGIN_SESSION), as the CLI and both SDKs name the cache file. */
export const CACHE_FILE = "4b0ba8f99f075c0633e122fd73346ce203a3faf18ea0310eb2d29df1bab2e255.json";
export const CLIENT_ID = "arn:aws:signin:::devtools/same-device";

/** Values that must never appear in an error; each is unique so a leak is unambiguous. */
export const OLD = {
  accessKeyId: "ASIAOLDLOGINKEY",
  secretAccessKey: "SECRET-old-login-secret-key",
  sessionToken: "SESSIONTOKEN-old-login",
  refreshToken: "REFRESHTOKEN-old-login",
  idToken: "IDTOKEN-login.payload.signature",
};
export const NEW = {
  accessKeyId: "ASIANEWLOGINKEY",
  secretAccessKey: "SECRET-new-login-secret-key",
  sessionToken: "SESSIONTOKEN-new-login",
  refreshToken: "REFRESHTOKEN-new-login",
};

export interface DpopKeys {
  privateKey: KeyObject;
  /** SEC1 PEM, as `aws login` writes it. */
  pem: string;
}

export function newDpopKey(): DpopKeys {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, pem: privateKey.export({ format: "pem", type: "sec1" }).toString() };
}

/** A cache file as `aws login` writes it, plus one field of a future CLI that must survive a rewrite. */
export function cacheDocument(pem: string, expiresAt: string): Record<string, unknown> {
  return {
    accessToken: {
      accessKeyId: OLD.accessKeyId,
      secretAccessKey: OLD.secretAccessKey,
      sessionToken: OLD.sessionToken,
      accountId: "012345678910",
      expiresAt,
    },
    tokenType: "aws_sigv4",
    clientId: CLIENT_ID,
    refreshToken: OLD.refreshToken,
    idToken: OLD.idToken,
    dpopKey: pem,
    futureField: { kept: true },
  };
}

export interface TokenRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  proof: { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined;
  /** Why the DPoP proof was rejected; empty when it verified. */
  proofProblems: string[];
}

export interface SigninServer extends Loopback {
  tokenRequests: TokenRequest[];
}

export type TokenHandler = (request: TokenRequest, res: ServerResponse) => void;

const decode = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

/** Checks a DPoP proof as RFC 9449 §4.3 asks, against the key the session was issued to. */
function checkProof(
  proof: string | undefined,
  expected: { key: KeyObject; htu: string; iat: number },
): { parsed: TokenRequest["proof"]; problems: string[] } {
  const parts = (proof ?? "").split(".");
  if (parts.length !== 3) return { parsed: undefined, problems: ["not a three-part JWT"] };
  const [h = "", p = "", s = ""] = parts;
  const header = decode(h);
  const payload = decode(p);
  const problems: string[] = [];
  const jwk = header.jwk as Record<string, string>;
  const want = createPublicKey(expected.key).export({ format: "jwk" });
  if (header.typ !== "dpop+jwt" || header.alg !== "ES256") problems.push("header typ/alg");
  if (jwk?.kty !== "EC" || jwk?.crv !== "P-256" || jwk?.x !== want.x || jwk?.y !== want.y)
    problems.push("jwk is not the session's public key");
  const publicKey = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: jwk?.x, y: jwk?.y },
    format: "jwk",
  });
  const signature = Buffer.from(s, "base64url");
  const signed = verify(
    "sha256",
    Buffer.from(`${h}.${p}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    signature,
  );
  if (signature.length !== 64 || !signed) problems.push("signature does not verify");
  if (payload.htm !== "POST") problems.push("htm");
  if (payload.htu !== expected.htu) problems.push(`htu ${String(payload.htu)}`);
  if (payload.iat !== expected.iat) problems.push(`iat ${String(payload.iat)}`);
  if (typeof payload.jti !== "string" || payload.jti.length < 16) problems.push("jti");
  return { parsed: { header, payload }, problems };
}

/** The refresh grant as the service answers it: new credentials and a new refresh token. */
export const grantNewTokens: TokenHandler = (request, res) => {
  const { body } = request;
  if (request.proofProblems.length > 0)
    return json(res, 400, { error: "INVALID_REQUEST", message: "bad DPoP" });
  if (
    body.grantType !== "refresh_token" ||
    body.clientId !== CLIENT_ID ||
    body.refreshToken !== OLD.refreshToken
  )
    return json(res, 401, { error: "TOKEN_EXPIRED", message: "expired" });
  json(res, 200, {
    accessToken: {
      accessKeyId: NEW.accessKeyId,
      secretAccessKey: NEW.secretAccessKey,
      sessionToken: NEW.sessionToken,
    },
    tokenType: "aws_sigv4",
    expiresIn: 900,
    refreshToken: NEW.refreshToken,
  });
};

/**
 * A sign-in service on 127.0.0.1 answering POST /v1/token. Every request's DPoP proof is verified
 * with the session's public key, and its problems recorded, before `handler` answers.
 */
export async function signinServer(
  key: KeyObject,
  now: number,
  handler: TokenHandler = grantNewTokens,
): Promise<SigninServer> {
  const tokenRequests: TokenRequest[] = [];
  let base = "";
  const server = await loopback((req, res, text) => {
    if (req.method !== "POST" || req.url !== "/v1/token")
      return json(res, 404, { error: "RESOURCE_NOT_FOUND" });
    const dpop = req.headers.dpop;
    const expected = { key, htu: `${base}/v1/token`, iat: Math.floor(now / 1000) };
    const { parsed, problems } = checkProof(typeof dpop === "string" ? dpop : undefined, expected);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      problems.push("body is not JSON");
    }
    if (req.headers["content-type"] !== "application/json") problems.push("content-type");
    const request = { headers: req.headers, body, proof: parsed, proofProblems: problems };
    tokenRequests.push(request);
    handler(request, res);
  });
  base = server.url;
  return Object.assign(server, { tokenRequests });
}

/** The cache file name for any session, computed independently of the code under test. */
export function cacheFileFor(session: string): string {
  return `${createHash("sha256").update(session, "utf8").digest("hex")}.json`;
}
