import { processEnv } from "../from-env.js";
import { redacting } from "../redact.js";
import type { CredentialProvider } from "../types.js";
import type { FromContainerOptions } from "./from-container.js";
import type { FromInstanceMetadataOptions } from "./from-instance-metadata.js";
import type { LoginSessionOptions } from "./from-login-session.js";
import type { ProcessOptions } from "./from-process.js";
import type { SsoHttpSettings } from "./from-sso.js";
import { type ProfileHooks, resolveProfile } from "./resolve-profile.js";
import {
  isProfileSelected,
  profileName,
  readFilesEachCall,
  resolveHome,
  type SharedConfigOptions,
  type SharedFilesReader,
} from "./shared-config.js";

export interface FromIniOptions extends SharedConfigOptions, ProfileHooks, SsoHttpSettings {
  /** Defaults to AWS_PROFILE, then `default`. */
  profile?: string;
  now?: () => number;
  /** Options for `credential_process` entries. */
  process?: ProcessOptions;
  /** Options for `credential_source = EcsContainer`. */
  container?: FromContainerOptions;
  /** Options for `credential_source = Ec2InstanceMetadata` (and the default chain's last step). */
  instanceMetadata?: FromInstanceMetadataOptions;
  /** Options for console-login (`login_session`) profiles: transport, endpoint, region. */
  login?: LoginSessionOptions;
}

/**
 * Credentials from the shared `credentials` and `config` files: static keys, role
 * profiles (through the `assumeRole` / `assumeRoleWithWebIdentity` hooks),
 * `credential_process`, IAM Identity Center (SSO) and console login. The files are read on each
 * call, so edits are picked up. A profile chosen by the option or AWS_PROFILE that neither file
 * defines is an error (`profile-not-found`), never a reason to try other sources. What the hooks
 * return comes back redacting, even when it was a plain object.
 */
export function fromIni(options: FromIniOptions = {}): CredentialProvider {
  return iniCredentials(options, readFilesEachCall(options));
}

/** `fromIni` reading the files through `readFiles` (a chain reads them once per pass). */
export function iniCredentials(options: FromIniOptions, readFiles: SharedFilesReader): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnv();
    const config = await readFiles(env);
    const credentials = await resolveProfile(profileName(options.profile, env), {
      ...options,
      config,
      env,
      home: resolveHome(options, env),
      selected: isProfileSelected(options.profile, env),
      now: options.now ?? Date.now,
    });
    return redacting(credentials, "fromIni");
  };
}
