import { STSBaseClient } from "./base-client.js";
import {
  type EksTokenOptions,
  getEksToken,
  type PresignOptions,
  presignGetCallerIdentity,
} from "./presign.js";

/** The pipeline plus the presigning helpers; `STSClient` extends it with one method per operation. */
export class STSPresigningClient extends STSBaseClient {
  /** A presigned GetCallerIdentity URL (see `presignGetCallerIdentity`). */
  presignGetCallerIdentity(options?: PresignOptions): Promise<URL> {
    return presignGetCallerIdentity(this, options);
  }

  /** An EKS bearer token, `k8s-aws-v1.…`, valid 60 s by default (see `getEksToken`). */
  getEksToken(options: EksTokenOptions): Promise<string> {
    return getEksToken(this, options);
  }
}
