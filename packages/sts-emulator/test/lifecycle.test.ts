import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { StsEmulator, StsEmulatorError, TEST_CREDENTIALS } from "../src/index.js";
import { CALLER, send, signedPost } from "./support/http.js";

describe("StsEmulator.start", () => {
  it("starts HTTP/1.1 only by default, on 127.0.0.1, with the test identity and region", async () => {
    await using sts = await StsEmulator.start();
    expect(sts.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(sts.endpoints).toEqual({ http1: sts.endpoint });
    expect(sts.ca).toBeUndefined();
    expect(sts.credentials).toEqual(TEST_CREDENTIALS);
    expect([sts.region, sts.account]).toEqual(["us-east-1", "123456789012"]);
  });

  it("serves the region and account it is given", async () => {
    await using sts = await StsEmulator.start({ region: "eu-central-1", account: "210987654321" });
    const ok = await send(
      signedPost(sts.endpoint, CALLER, sts.credentials, { date: new Date(), region: "eu-central-1" }),
    );
    expect(ok.text).toContain("<Arn>arn:aws:iam::210987654321:user/Alice</Arn>");
    const other = await send(signedPost(sts.endpoint, CALLER, sts.credentials, { date: new Date() }));
    expect(other.status).toBe(403);
  });

  it("rejects unknown options and bad values with an invalid-option StsEmulatorError", async () => {
    const cases: [object, string][] = [
      [{ prot: 1 }, 'Unknown option "prot"'],
      [{ port: 70000 }, "Invalid port 70000: expected an integer from 0 to 65535."],
      [{ h2cPort: "8080" }, 'Invalid h2cPort "8080": expected an integer from 0 to 65535.'],
      [{ region: "Mars" }, 'Invalid region "Mars"'],
      [{ account: "12" }, 'Invalid account "12"'],
      [{ answers: "live" }, 'Invalid answers "live"'],
      [{ now: 5 }, 'Invalid now "number"'],
    ];
    for (const [options, message] of cases) {
      const error = await StsEmulator.start(options as never).catch((e: unknown) => e);
      expect(error, message).toBeInstanceOf(StsEmulatorError);
      expect((error as StsEmulatorError).code).toBe("invalid-option");
      expect((error as Error).message).toContain(message);
    }
  });

  it("rejects a port in use with a listen-failed StsEmulatorError, leaving nothing listening", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const error = await StsEmulator.start({ http2: true, h2cPort: port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StsEmulatorError);
      expect((error as StsEmulatorError).code).toBe("listen-failed");
      expect((error as Error).message).toBe(`Cannot listen on 127.0.0.1:${port}: the port is in use.`);
    } finally {
      blocker.close();
    }
  });

  it("closes every listener once, however often close is called", async () => {
    const sts = await StsEmulator.start({ http2: true });
    await Promise.all([sts.close(), sts.close()]);
    await sts.close();
    for (const url of Object.values(sts.endpoints)) {
      await expect(fetch(url!.replace("https:", "http:")), url).rejects.toThrow();
    }
  });

  it("binds every interface for 0.0.0.0 and names loopback in the endpoints", async () => {
    await using sts = await StsEmulator.start({ host: "0.0.0.0", http2: true });
    for (const url of Object.values(sts.endpoints)) expect(url).toMatch(/^https?:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await send(signedPost(sts.endpoint, CALLER, sts.credentials, { date: new Date() }));
    expect(res.status).toBe(200);
  });

  it("binds the host it is given and names it in the endpoints", async () => {
    await using sts = await StsEmulator.start({ host: "localhost" });
    expect(sts.endpoint).toMatch(/^http:\/\/localhost:\d+\/$/);
    const res = await send(signedPost(sts.endpoint, CALLER, sts.credentials, { date: new Date() }));
    expect(res.status).toBe(200);
  });
});
