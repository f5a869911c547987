import { shapeOf } from "./model/load.js";

/** An error answer: the awsQuery `<ErrorResponse>` with this status, code and message. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  /** Default `Receiver` for 5xx, else `Sender`. */
  type?: "Sender" | "Receiver";
}

export const errorAnswer = (status: number, code: string, message: string): ErrorAnswer => ({
  status,
  code,
  message,
});

/** An error the model declares (e.g. `InvalidIdentityTokenException`), with its wire code and status. */
export function modeledError(shape: string, message: string): ErrorAnswer {
  const error = shapeOf(shape).error ?? {};
  return errorAnswer(error.httpStatusCode ?? 400, error.code ?? shape, message);
}

// The wording of STS's own answers to requests it cannot authenticate or accept
// (AWS "Common Errors" of the STS API reference, and what STS sends in practice).
export const INVALID_TOKEN = "The security token included in the request is invalid.";
export const EXPIRED_TOKEN = "The security token included in the request is expired";
export const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";

export const invalidClientTokenId = (): ErrorAnswer =>
  errorAnswer(403, "InvalidClientTokenId", INVALID_TOKEN);
export const expiredToken = (): ErrorAnswer => errorAnswer(403, "ExpiredToken", EXPIRED_TOKEN);
export const signatureDoesNotMatch = (message = SIGNATURE_MISMATCH): ErrorAnswer =>
  errorAnswer(403, "SignatureDoesNotMatch", message);
export const incompleteSignature = (message: string): ErrorAnswer =>
  errorAnswer(400, "IncompleteSignature", message);
export const requestExpired = (message: string): ErrorAnswer => errorAnswer(400, "RequestExpired", message);
export const accessDenied = (message: string): ErrorAnswer => errorAnswer(403, "AccessDenied", message);
export const validationError = (message: string): ErrorAnswer => errorAnswer(400, "ValidationError", message);
export const invalidParameterValue = (message: string): ErrorAnswer =>
  errorAnswer(400, "InvalidParameterValue", message);
