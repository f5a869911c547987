import type { HttpRequest } from "@lanyard/http";
import { errorAnswer, incompleteSignature } from "../answer.js";
import type { AuthContext, AuthOutcome } from "./common.js";
import { verifyHeaderAuth } from "./header-auth.js";
import { hasQueryAuth, verifyQueryAuth } from "./query-auth.js";

/** Whether the request carries any signature (an `Authorization` header or a presigned query). */
export function isSigned(request: HttpRequest): boolean {
  return request.headers.authorization !== undefined || hasQueryAuth(request.url);
}

/** Authenticates a request by its `Authorization` header or its presigned query string. */
export function authenticate(request: HttpRequest, context: AuthContext): AuthOutcome {
  const authorization = request.headers.authorization;
  const query = hasQueryAuth(request.url);
  if (authorization !== undefined && query) {
    return {
      error: incompleteSignature(
        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.",
      ),
    };
  }
  if (query) return verifyQueryAuth(request, context);
  if (authorization === undefined)
    return {
      error: errorAnswer(403, "MissingAuthenticationToken", "Request is missing Authentication Token"),
    };
  return verifyHeaderAuth(request, authorization, context);
}
