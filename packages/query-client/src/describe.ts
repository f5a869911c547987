import { isTransportError } from "@lanyard/http";
import type { FailureInfo } from "@lanyard/retry";
import { ServiceError } from "./service-error.js";

/** What the retry strategy needs to know about one failed attempt. */
export function describeFailure(error: unknown): FailureInfo {
  if (error instanceof ServiceError) {
    return {
      code: error.code,
      httpStatus: error.$metadata.httpStatusCode,
      serverDate: error.serverDate,
      modeledRetryable: error.$retryable !== undefined,
      modeledThrottling: error.$retryable?.throttling === true,
    };
  }
  if (isTransportError(error)) return { transportCode: error.code };
  return {};
}
