/**
 * `text` as a URL when it is an http:// or https:// one, else undefined. Callers name the setting
 * that held it in their own error, never the text, which may carry a user and password.
 */
export function parseHttpUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}
