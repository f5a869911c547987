import { classBrand, isInstanceAcrossCopies } from "@lanyard/http";
import type { ResponseMetadata } from "./metadata.js";

/** What the pipeline knows when it turns an error response into an error object. */
export interface ServiceErrorInit {
  message: string;
  code?: string;
  /** `Sender` or `Receiver`, from the error envelope's `Type`. */
  type?: string;
  $metadata?: ResponseMetadata;
  /** Extra members of the error structure, decoded with its shape. */
  fields?: Record<string, unknown>;
  /** Value of the response's Date header, used for clock-skew correction. */
  serverDate?: Date;
}

/**
 * An error the service answered. A generated client subclasses it once per service
 * (`IAMServiceError`) and once per modeled code (`NoSuchEntityException`); any other code is
 * an instance of the service's class whose `code` is the wire code.
 */
export class ServiceError extends Error {
  static readonly [classBrand]: string = "ServiceError";

  /** True for this class's instances from any copy of `@lanyard/query-client` (see `isInstanceAcrossCopies`). */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` names.
    return isInstanceAcrossCopies(this, value);
  }

  override name = "ServiceError";
  readonly code: string;
  readonly type: string | undefined;
  $metadata: ResponseMetadata;
  readonly fields: Record<string, unknown>;
  readonly serverDate: Date | undefined;
  /**
   * Set on modeled errors the service marks retryable (the model's `retryable` trait), so the
   * retry strategy retries them; `throttling` makes the retry count as one.
   */
  declare readonly $retryable?: { throttling?: boolean };

  constructor(init: ServiceErrorInit) {
    super(init.message);
    this.code = init.code ?? "Unknown";
    this.type = init.type;
    this.$metadata = init.$metadata ?? { attempts: 1, totalRetryDelay: 0 };
    this.fields = init.fields ?? {};
    this.serverDate = init.serverDate;
  }
}

/** A class for one service's errors, constructible from the parsed error response. */
export type ServiceErrorClass = new (init: ServiceErrorInit) => ServiceError;
