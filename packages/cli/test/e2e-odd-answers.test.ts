// A 200 answer that is not STS's (a captive portal's sign-in page, a misrouted proxy) is a failure.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeHome, type TestHome } from "./support/cli.js";
import { CONFIG_FILE, CREDENTIALS_FILE } from "./support/profiles.js";

const portal = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<html><body><p>Please sign in to the Wi-Fi</p></body></html>");
  });
});
let url: string;
let home: TestHome;

beforeAll(async () => {
  await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
afterAll(() => {
  portal.closeAllConnections();
  return new Promise<void>((resolve) => portal.close(() => resolve()));
});
beforeEach(async () => {
  home = await makeHome({ config: CONFIG_FILE, credentials: CREDENTIALS_FILE });
});
afterEach(() => home.remove());

describe("an HTTP 200 that holds no STS answer", () => {
  it.each([["json"], ["text"]])("whoami --output %s prints nothing and exits 1", async (output) => {
    const result = await home.run(["whoami", "--profile", "base", "--output", output, "--endpoint-url", url]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(1);
    // The client refuses an answer without its result element; the command's own check stays
    // behind it for a result element without an identity.
    expect(result.stderr).toMatch(/^lanyard: could not decode the GetCallerIdentity response \(HTTP 200\)/);
  });
});
