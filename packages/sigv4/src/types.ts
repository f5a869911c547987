/** AWS credentials. Only `accessKeyId` ever appears in output; the secret is used to derive keys. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials' token, sent as `X-Amz-Security-Token`. */
  sessionToken?: string;
  expiration?: Date;
}

export interface SignOptions {
  credentials: Credentials;
  /** Signing region, e.g. `us-east-1`. */
  region: string;
  /** Signing name of the service, e.g. `sts`. */
  service: string;
  /** Signing time; defaults to now. */
  date?: Date;
  /** Sign the literal `UNSIGNED-PAYLOAD` instead of the body's SHA-256. Default false. */
  unsignedPayload?: boolean;
  /** Remove `.`/`..` segments and repeated slashes from the path. Default true (false for S3). */
  normalizePath?: boolean;
  /** URI-encode the already encoded path once more. Default true (false for S3). */
  doubleEncodePath?: boolean;
  /** Add `X-Amz-Security-Token` after signing instead of signing it (some services require this). */
  omitSessionToken?: boolean;
  /** Add and sign an `x-amz-content-sha256` header carrying the payload hash (S3 needs it). Default false. */
  contentSha256Header?: boolean;
}

export interface PresignOptions extends SignOptions {
  /** Seconds the URL stays valid: 1 … 604 800 (7 days). */
  expiresIn: number;
}

export interface PresignDetailsOptions extends PresignOptions {
  /** As for `signatureDetails`: the `X-Amz-SignedHeaders` of a received presigned URL. */
  signedHeaders?: readonly string[];
}

export interface SignatureDetailsOptions extends SignOptions {
  /**
   * Compute over exactly these headers of the request (as a verifying server does with the
   * `SignedHeaders` of a received `Authorization`); nothing is added to the request.
   */
  signedHeaders?: readonly string[];
}

export interface SignatureDetails {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  /** Lower-case header names joined with `;`. */
  signedHeaders: string;
  /** `date/region/service/aws4_request`. */
  credentialScope: string;
}

export interface ParsedAuthorization {
  algorithm: string;
  accessKeyId: string;
  /** The scope's date, `YYYYMMDD`. */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}
