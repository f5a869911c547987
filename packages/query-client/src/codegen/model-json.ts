// The parts of a botocore service model (`service-2.json`) the generator reads.

export interface MemberJson {
  shape: string;
  locationName?: string;
  flattened?: boolean;
  xmlNamespace?: unknown;
  xmlAttribute?: boolean;
  idempotencyToken?: boolean;
  [trait: string]: unknown;
}

export interface ShapeJson {
  type: string;
  members?: Record<string, MemberJson>;
  required?: string[];
  member?: MemberJson;
  key?: MemberJson;
  value?: MemberJson;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  flattened?: boolean;
  locationName?: string;
  timestampFormat?: string;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  exception?: boolean;
  /** botocore's `retryable` error trait: the SDKs retry this error (`throttling`: as a throttle). */
  retryable?: { throttling?: boolean };
  [trait: string]: unknown;
}

export interface OperationJson {
  name: string;
  input?: { shape: string };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
  /** `["smithy.api#noAuth"]` for unsigned operations. */
  auth?: string[];
  /** The older spelling of an unsigned operation: `"none"`. */
  authtype?: string;
  [trait: string]: unknown;
}

export interface ServiceModelJson {
  metadata: {
    apiVersion: string;
    serviceId: string;
    protocol?: string;
    signingName?: string;
    endpointPrefix?: string;
    [key: string]: unknown;
  };
  operations: Record<string, OperationJson>;
  shapes: Record<string, ShapeJson>;
}

export function isErrorShape(shape: ShapeJson): boolean {
  return shape.exception === true || shape.error !== undefined;
}

/** The wire code of an error shape: `error.code`, else its name (botocore). */
export function errorCode(name: string, shape: ShapeJson): string {
  return shape.error?.code ?? name;
}
