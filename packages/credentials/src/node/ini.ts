/**
 * One parsed INI file: section header (the text between the brackets, as written) → key →
 * value. Objects have no prototype.
 */
export type IniSections = Record<string, Record<string, string>>;

// `__proto__` as a section or key would reach Object.prototype through a plain object.
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * CR, LF and CRLF all end a line. The JavaScript SDK splits on LF only, so a file saved
 * with classic Mac line endings reads as one line there and its keys are silently missed;
 * botocore (Python's universal newlines) reads it.
 */
export const LINE_BREAK = /\r\n|\r|\n/;

/** As in the SDKs: `#` or `;` starts a comment at line start or after whitespace (`a#b` keeps its `#`). */
function stripComment(line: string): string {
  const match = /(^|\s)[#;]/.exec(line);
  return match === null ? line : line.slice(0, match.index);
}

function sectionNamed(sections: IniSections, name: string): Record<string, string> | undefined {
  if (FORBIDDEN.has(name)) return undefined;
  // A repeated header continues the same section (the JS SDK merges; botocore rejects the file).
  sections[name] ??= Object.create(null) as Record<string, string>;
  return sections[name];
}

interface ParseState {
  sections: IniSections;
  section: Record<string, string> | undefined;
  /** A key whose value was empty: indented `k = v` lines below it are stored as `parent.k`. */
  parent: string | undefined;
}

function parseEntry(state: ParseState, raw: string, line: string): void {
  const eq = line.indexOf("=");
  if (state.section === undefined || eq <= 0) return;
  const name = line.slice(0, eq).trim();
  const value = line.slice(eq + 1).trim();
  if (value === "") {
    // `s3 =` opens a sub-section; the key itself is not stored (as in the JS SDK).
    state.parent = name;
    return;
  }
  if (state.parent !== undefined && !/^\s/.test(raw)) state.parent = undefined;
  const key = state.parent === undefined ? name : `${state.parent}.${name}`;
  if (FORBIDDEN.has(name) || FORBIDDEN.has(key)) return;
  state.section[key] = value;
}

/**
 * Parses the shared `config` / `credentials` file format the way the AWS SDK for
 * JavaScript v3 does (its `parseIni`), with CR-only line endings read too:
 * `[section]` headers kept as written, `key = value` lines (last one wins), `#`/`;`
 * comments, and indented `k = v` lines under a key with an empty value stored as
 * `parent.k` (e.g. `s3 =` then `  addressing_style = path`). Lines without `=` are ignored.
 * Never throws.
 */
export function parseIni(text: string): IniSections {
  const state: ParseState = { sections: Object.create(null), section: undefined, parent: undefined };
  for (const raw of text.split(LINE_BREAK)) {
    const line = stripComment(raw).trim();
    if (line.startsWith("[") && line.endsWith("]")) {
      state.section = sectionNamed(state.sections, line.slice(1, -1));
      state.parent = undefined;
      continue;
    }
    parseEntry(state, raw, line);
  }
  return state.sections;
}
