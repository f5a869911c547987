import type { IniSections } from "./ini.js";

/** The kinds of section the config file groups by a prefix in the header. */
export type SectionKind = "profile" | "sso-session" | "services";

export interface ConfigSections {
  /** `[default]` and `[profile name]`, keyed by profile name. */
  profiles: IniSections;
  /** `[sso-session name]`, keyed by session name. */
  ssoSessions: IniSections;
  /** `[services name]`, keyed by section name; values like `sts.endpoint_url`. */
  services: IniSections;
}

const KINDS: readonly string[] = ["profile", "sso-session", "services"];
// The JS SDK's pattern: one space, then a name of these characters, optionally quoted.
const TYPED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
// A quoted name with other characters (a space): `aws configure --profile "my prof"` writes
// `[profile 'my prof']`. botocore reads it (shlex); the JS SDK's pattern does not match it.
const QUOTED = /^([\w-]+)\s(["'])(.+)\2$/;

/** `profile dev` → ["profile", "dev"]; undefined for a header that names no typed section. */
export function classifyHeader(header: string): [SectionKind, string] | undefined {
  const match = TYPED.exec(header) ?? QUOTED.exec(header);
  if (match === null || !KINDS.includes(match[1] as string)) return undefined;
  return [match[1] as SectionKind, match[3] as string];
}

/**
 * Sorts the config file's sections. `[default]` is the default profile, and
 * `[profile default]` replaces it wherever it appears (as in the JS SDK; botocore takes
 * whichever comes last). A bare `[name]` is not a profile in the config file.
 */
export function configSections(sections: IniSections): ConfigSections {
  const result: ConfigSections = {
    profiles: Object.create(null),
    ssoSessions: Object.create(null),
    services: Object.create(null),
  };
  for (const [header, values] of Object.entries(sections)) {
    const typed = classifyHeader(header);
    if (typed === undefined) continue;
    const [kind, name] = typed;
    const target =
      kind === "profile" ? result.profiles : kind === "sso-session" ? result.ssoSessions : result.services;
    // `[profile "a"]` and `[profile a]` are one section, as in the JS SDK.
    target[name] = Object.assign(target[name] ?? Object.create(null), values);
  }
  if (result.profiles.default === undefined && sections.default) result.profiles.default = sections.default;
  return result;
}
