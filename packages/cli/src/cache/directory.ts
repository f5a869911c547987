import { resolveHome } from "@lanyard/credentials/config";
import { configError } from "../errors.js";
import type { Env } from "../io.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { isAbsolute, join } = process.getBuiltinModule("node:path");

/**
 * Where credential-process keeps its cache: LANYARD_CACHE_DIR, else ~/.aws/lanyard/cache,
 * beside the AWS CLI's own ~/.aws/cli/cache and under the directory users already guard as
 * secret. The home directory is found as the SDKs find it for ~/.aws.
 */
export function cacheDirectory(env: Env): string {
  const override = env.LANYARD_CACHE_DIR;
  if (override) {
    if (!isAbsolute(override)) {
      throw configError(
        "LANYARD_CACHE_DIR must be an absolute path",
        "set it to a directory such as ~/.cache/lanyard",
      );
    }
    return override;
  }
  return join(resolveHome({}, env), ".aws", "lanyard", "cache");
}
