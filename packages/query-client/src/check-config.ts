import { ClientError } from "./errors.js";
import type { ServiceDefinition } from "./model.js";
import type { ClientConfig } from "./settings.js";
import { typeName } from "./type-name.js";

// Plain JavaScript callers and configuration built from JSON pass options TypeScript would have
// refused. Each is checked where the client is made, so a wrong type fails there, naming the
// option and what it takes, instead of as a TypeError deep in a call or as a silently wrong
// setting (`useFipsEndpoint: "false"` is truthy). Messages name the type, never the value: a
// misplaced secret must not reach a log.

function wrong(option: string, expected: string, value: unknown): ClientError {
  return new ClientError("config", `the ${option} option must be ${expected}, got ${typeName(value)}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const LOGGER_METHODS = ["debug", "info", "warn", "error"] as const;

function checkCredentials(credentials: unknown): void {
  if (credentials === undefined || typeof credentials === "function") return;
  if (isObject(credentials) && "accessKeyId" in credentials) return;
  // A role call's `Credentials` result is the likeliest object here: say how to pass it.
  const hint =
    isObject(credentials) && "AccessKeyId" in credentials
      ? " (a Credentials result: pass { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken })"
      : "";
  throw new ClientError(
    "config",
    "the credentials option must be { accessKeyId, secretAccessKey, sessionToken? } or an async " +
      `provider function, got ${isObject(credentials) ? "an object without accessKeyId" : typeName(credentials)}${hint}`,
  );
}

function checkLogger(logger: unknown): void {
  if (logger === undefined || typeof logger === "function") return;
  const expected = "a function or an object with debug, info, warn or error methods (such as console)";
  if (!isObject(logger)) throw wrong("logger", expected, logger);
  const methods = LOGGER_METHODS.filter((name) => logger[name] !== undefined);
  if (methods.length === 0 || methods.some((name) => typeof logger[name] !== "function")) {
    throw wrong("logger", expected, logger);
  }
}

function checkStubs(stubs: unknown): void {
  if (stubs === undefined) return;
  if (!isObject(stubs)) throw wrong("stubResponses", "an object keyed by method name", stubs);
  for (const [key, stub] of Object.entries(stubs)) {
    if (typeof stub !== "function" && !isObject(stub)) {
      throw wrong(`stubResponses.${key}`, "an output object, an Error or a function", stub);
    }
  }
}

/** Throws a `ClientError` (code `config`) naming the first option whose type is wrong. */
export function checkConfig(config: unknown, service: ServiceDefinition): asserts config is ClientConfig {
  if (!isObject(config))
    throw new ClientError("config", `the client options must be an object, got ${typeName(config)}`);
  checkCredentials(config.credentials);
  const { transport, retryStrategy } = config;
  if (transport !== undefined && !(isObject(transport) && typeof transport.send === "function")) {
    throw wrong("transport", "a Transport (an object with a send method)", transport);
  }
  if (
    retryStrategy !== undefined &&
    !(isObject(retryStrategy) && typeof retryStrategy.backoffDelay === "function")
  ) {
    throw wrong(
      "retryStrategy",
      "a RetryStrategy from @lanyard/retry (createRetryStrategy(…))",
      retryStrategy,
    );
  }
  checkLogger(config.logger);
  checkStubs(config.stubResponses);
  for (const name of ["useFipsEndpoint", "useDualstackEndpoint"]) {
    const value = config[name];
    if (value !== undefined && typeof value !== "boolean") throw wrong(name, "true or false", value);
  }
  for (const name of ["profile", "userAgentAppId"]) {
    const value = config[name];
    if (value !== undefined && typeof value !== "string") throw wrong(name, "a string", value);
  }
  const { maxAttempts } = config;
  if (maxAttempts !== undefined && typeof maxAttempts !== "number") {
    throw wrong("maxAttempts", "a whole number of at least 1", maxAttempts);
  }
  for (const setting of service.settings ?? []) {
    const value = config[setting.option];
    if (value !== undefined && !setting.choices.includes(value as string)) {
      const expected = setting.choices.map((choice) => `"${choice}"`).join(" or ");
      throw new ClientError("config", `the ${setting.option} option must be ${expected}`);
    }
  }
}
