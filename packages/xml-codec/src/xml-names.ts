// XML 1.0 (fifth edition) §2.3 names, read and compared by character code so that nothing is
// sliced. Namespaces in XML §4 splits names at colons into NCNames, so ":" is the callers' part.

const COLON = 58;

// ASCII name characters by code (1 = NameStartChar, 2 = NameChar only): names are most of a
// response's markup, and a table lookup per character profiled cheaper than range comparisons.
const ASCII_NAME = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z_]/.test(char)) ASCII_NAME[code] = 1;
  else if (/[0-9.-]/.test(char)) ASCII_NAME[code] = 2;
}

/** The end of the NCName at `at`, or `at` itself when none starts there. */
export function ncNameEnd(text: string, at: number): number {
  if (isNameStartCode(text.charCodeAt(at))) return ncNameRestEnd(text, at + 1);
  return isAstral(text, at) ? ncNameRestEnd(text, at + 2) : at;
}

/** The end of the Name (colons anywhere) at `at`, or `at` itself when none starts there. */
export function xmlNameEnd(text: string, at: number): number {
  let end = text.charCodeAt(at) === COLON ? at + 1 : ncNameEnd(text, at);
  if (end === at) return at;
  for (;;) {
    const next = text.charCodeAt(end) === COLON ? end + 1 : ncNameRestEnd(text, end);
    if (next === end) return end;
    end = next;
  }
}

/** Whether text[start, end) and text[otherStart, otherEnd) are the same name. */
export function sameName(
  text: string,
  start: number,
  end: number,
  otherStart: number,
  otherEnd: number,
): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let i = 0; i < end - start; i++) {
    if (text.charCodeAt(start + i) !== text.charCodeAt(otherStart + i)) return false;
  }
  return true;
}

/** Whether text[start, end) is `name`. */
export function isNamed(text: string, start: number, end: number, name: string): boolean {
  return end - start === name.length && text.startsWith(name, start);
}

/** NameStartChar, without ":". */
export function isNameStartCode(code: number): boolean {
  if (code < 0x80) return ASCII_NAME[code] === 1;
  return (
    (code >= 0xc0 && code <= 0xd6) ||
    (code >= 0xd8 && code <= 0xf6) ||
    (code >= 0xf8 && code <= 0x2ff) ||
    (code >= 0x370 && code <= 0x37d) ||
    (code >= 0x37f && code <= 0x1fff) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0x2070 && code <= 0x218f) ||
    (code >= 0x2c00 && code <= 0x2fef) ||
    (code >= 0x3001 && code <= 0xd7ff) ||
    (code >= 0xf900 && code <= 0xfdcf) ||
    (code >= 0xfdf0 && code <= 0xfffd)
  );
}

/** NameChar, without ":". */
export function isNameCode(code: number): boolean {
  if (code < 0x80) return ASCII_NAME[code] !== 0;
  return (
    isNameStartCode(code) ||
    code === 0xb7 ||
    (code >= 0x300 && code <= 0x36f) ||
    code === 0x203f ||
    code === 0x2040
  );
}

function ncNameRestEnd(text: string, at: number): number {
  for (;;) {
    if (isNameCode(text.charCodeAt(at))) at++;
    else if (isAstral(text, at)) at += 2;
    else return at;
  }
}

// A surrogate pair for U+10000 to U+EFFFF: the name characters outside the BMP.
function isAstral(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdb7f && low >= 0xdc00 && low <= 0xdfff;
}
