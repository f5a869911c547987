/** One parsed INI file: section name → key → value. Objects have no prototype. */
export type IniSections = Record<string, Record<string, string>>;

// `__proto__` as a section or key would reach Object.prototype through a plain object.
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

function stripComment(line: string): string {
  // As in the CLI and SDKs: `#` or `;` starts a comment at line start or after whitespace,
  // so `key = a#b` keeps its `#`.
  const match = /(^|\s)[#;]/.exec(line);
  return match === null ? line : line.slice(0, match.index);
}

function sectionNamed(sections: IniSections, name: string): Record<string, string> {
  // A repeated header continues the same section, as in ConfigParser-based readers.
  const existing = sections[name];
  if (existing !== undefined) return existing;
  const created: Record<string, string> = Object.create(null);
  sections[name] = created;
  return created;
}

interface ParseState {
  sections: IniSections;
  section: Record<string, string> | undefined;
  /** A key whose value was empty: indented `k = v` lines below it are `parent.k`. */
  parent: string | undefined;
  lastKey: string | undefined;
}

function parseEntry(state: ParseState, raw: string, indented: boolean): void {
  const section = state.section;
  if (section === undefined) return;
  const line = stripComment(raw).trim();
  if (line === "") return;
  const eq = line.indexOf("=");
  if (indented && state.parent !== undefined && eq > 0) {
    const key = `${state.parent}.${line.slice(0, eq).trim()}`;
    section[key] = line.slice(eq + 1).trim();
    return;
  }
  if (indented && state.lastKey !== undefined) {
    // Continuation line (botocore/ConfigParser): appended to the previous value.
    section[state.lastKey] = `${section[state.lastKey]}\n${line}`;
    return;
  }
  if (eq <= 0) return;
  const key = line.slice(0, eq).trim();
  const value = line.slice(eq + 1).trim();
  if (FORBIDDEN.has(key)) return;
  section[key] = value;
  state.parent = value === "" ? key : undefined;
  state.lastKey = value === "" ? undefined : key;
}

/**
 * Parses the shared `config`/`credentials` file format: `[section]` headers,
 * `key = value` lines, `#`/`;` comments, indented continuation lines and
 * indented sub-keys under a key with an empty value (e.g. `s3 =` then `  region = x`).
 */
export function parseIni(text: string): IniSections {
  const state: ParseState = {
    sections: Object.create(null),
    section: undefined,
    parent: undefined,
    lastKey: undefined,
  };
  for (const raw of text.split(/\r?\n/)) {
    const indented = /^[ \t]/.test(raw);
    const trimmed = stripComment(raw).trim();
    if (!indented && trimmed.startsWith("[") && trimmed.endsWith("]")) {
      const name = trimmed.slice(1, -1).trim().replace(/\s+/g, " ");
      state.parent = undefined;
      state.lastKey = undefined;
      state.section = FORBIDDEN.has(name) ? undefined : sectionNamed(state.sections, name);
      continue;
    }
    if (!indented) state.parent = undefined;
    parseEntry(state, raw, indented);
  }
  return state.sections;
}
