import { CredentialsError } from "../errors.js";

/**
 * Runs an STS hook whose input came from settings. The client behind the hook refuses a bad input
 * before sending it (code `validation`: a role ARN too short, a session name with a space), and its
 * message names the STS member only; this names where the value was set, so the fix can be found.
 */
export async function namingSettings<T>(
  source: string,
  settings: readonly string[],
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== "validation") throw error;
    throw new CredentialsError(
      "invalid-config",
      `${source}: STS cannot take the role as set (${settings.join(", ")}): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
