import { isTransportError } from "@lanyard/http";
import type { FailureInfo } from "@lanyard/retry";
import { STSServiceError } from "./service-error.js";

// STS marks IDPCommunicationError retryable: the identity provider may answer on a later try
// (service-2.json documentation of IDPCommunicationErrorException; the SDKs retry it).
const MODELED_RETRYABLE = "IDPCommunicationError";

/** What the retry strategy needs to know about one failed attempt. */
export function describeFailure(error: unknown): FailureInfo {
  if (error instanceof STSServiceError) {
    return {
      code: error.code,
      httpStatus: error.$metadata.httpStatusCode,
      serverDate: error.serverDate,
      modeledRetryable: error.code === MODELED_RETRYABLE,
    };
  }
  if (isTransportError(error)) return { transportCode: error.code };
  return {};
}
