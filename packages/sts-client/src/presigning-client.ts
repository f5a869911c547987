import { type CallOptions, STSBaseClient, throwIfAborted } from "./base-client.js";
import type { WithMetadata } from "./metadata.js";
import type { Operation } from "./model.js";
import {
  type EksTokenOptions,
  getEksToken,
  type PresignOptions,
  presignGetCallerIdentity,
} from "./presign.js";
import { answerFromStub } from "./stub.js";
import { validate } from "./validate.js";

/**
 * The pipeline plus the presigning helpers and stub mode; `STSClient` extends it with one method
 * per operation. Both live here so a bundle that uses `STSBaseClient` alone carries neither.
 */
export class STSPresigningClient extends STSBaseClient {
  /** Answers from `config.stubResponses` when given (input still validated), else sends. */
  override async send<Input, Output>(
    operation: Operation<Input, Output>,
    input: Input,
    options: CallOptions = {},
  ): Promise<WithMetadata<Output>> {
    const stubs = this.config.stubResponses;
    if (stubs === undefined) return super.send(operation, input, options);
    throwIfAborted(options.signal);
    return answerFromStub(operation, validate(operation, input), stubs);
  }

  /** A presigned GetCallerIdentity URL (see `presignGetCallerIdentity`). */
  presignGetCallerIdentity(options?: PresignOptions): Promise<URL> {
    return presignGetCallerIdentity(this, options);
  }

  /** An EKS bearer token, `k8s-aws-v1.…`, valid 60 s by default (see `getEksToken`). */
  getEksToken(options: EksTokenOptions): Promise<string> {
    return getEksToken(this, options);
  }
}
