import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Through the package's entry, not errors.js: the linked contract then imports `@lanyard/http` by
// name (scripts/bundle-dist.mjs), one copy of each class with the transports it tests.
import { isTransportError, type TransportErrorCode } from "../index.js";
import type { Transport, TransportTimeouts } from "../types.js";
import { eventually } from "./eventually.js";
import { type LoopbackKind, type LoopbackServer, pattern, startLoopbackServer } from "./server.js";

export interface ContractTransportOptions extends TransportTimeouts {
  /** PEM CA that signed the loopback server's certificate (kind `h2`). */
  ca?: string;
}

export interface TransportContractOptions {
  /** Builds a fresh transport; the suite closes every transport it creates. */
  createTransport(options: ContractTransportOptions): Transport;
  /** Which server the transport speaks to. Default `http1`. */
  kind?: LoopbackKind;
  /** Certificate for kind `h2`; `ca` is passed to createTransport. */
  tls?: { cert: string; key: string };
  /**
   * Transports that cannot observe the connection (fetch) skip the connection-count
   * assertions; they still run every behavioural check.
   */
  observesConnections?: boolean;
  /**
   * undici's HTTP/1.1 client rejects a 304 whose Content-Length no body follows
   * (ResponseContentLengthMismatchError), though RFC 9110 §8.6 allows one; it skips that check.
   */
  readsLengthOn304?: boolean;
}

/**
 * The behaviour every Lanyard transport promises, as a vitest suite. Call it from a
 * transport's own test file:
 *
 *   describeTransportContract("undici", { createTransport: (o) => new UndiciTransport(o) });
 */
export function describeTransportContract(name: string, options: TransportContractOptions): void {
  const kind = options.kind ?? "http1";
  const observesConnections = options.observesConnections ?? true;
  const readsLengthOn304 = options.readsLengthOn304 ?? true;

  describe(`transport contract: ${name} (${kind})`, () => {
    let server: LoopbackServer;
    const transports: Transport[] = [];
    const make = (overrides: TransportTimeouts = {}) => {
      const transport = options.createTransport({ ...overrides, ca: options.tls?.cert });
      transports.push(transport);
      return transport;
    };
    const url = (path: string) => new URL(path, server.url);

    beforeAll(async () => {
      server = await startLoopbackServer({ kind, tls: options.tls });
    });
    afterAll(async () => {
      await Promise.all(transports.map((transport) => transport.close()));
      await server.close();
    });

    it("round-trips status, headers and a text body", async () => {
      const transport = make();
      const response = await transport.send({
        method: "POST",
        url: url("/echo"),
        headers: { "content-type": "text/plain; charset=utf-8", "X-Custom": "Value" },
        body: "Action=GetCallerIdentity&Version=2011-06-15 ✓",
      });
      expect(response.status).toBe(200);
      expect(response.headers["x-method"]).toBe("POST");
      expect(new TextDecoder().decode(response.body)).toBe("Action=GetCallerIdentity&Version=2011-06-15 ✓");
      const sent = JSON.parse(response.headers["x-request-headers"] ?? "{}");
      expect(sent["x-custom"]).toBe("Value");
      expect(sent["content-type"]).toBe("text/plain; charset=utf-8");
    });

    it("returns non-2xx responses instead of throwing", async () => {
      const transport = make();
      for (const status of [400, 403, 500, 503]) {
        const response = await transport.send({ method: "GET", url: url(`/status/${status}`), headers: {} });
        expect(response.status).toBe(status);
        expect(new TextDecoder().decode(response.body)).toBe(`status ${status}`);
      }
    });

    it("lower-cases response header names and joins repeated values", async () => {
      const response = await make().send({ method: "GET", url: url("/headers"), headers: {} });
      expect(response.headers["x-mixed-case"]).toBe("Yes");
      expect(response.headers["x-repeated"]).toBe("one, two");
      for (const name of Object.keys(response.headers)) expect(name).toBe(name.toLowerCase());
    });

    it("sends and receives every byte value unchanged", async () => {
      const body = pattern(4096);
      const response = await make().send({
        method: "PUT",
        url: url("/echo"),
        headers: { "content-type": "application/octet-stream" },
        body,
      });
      expect(sameBytes(response.body, body)).toBe(true);
    });

    it("reads a large body completely", async () => {
      const response = await make({ maxBodyBytes: 1024 * 1024 }).send({
        method: "GET",
        url: url(`/bytes?n=${900 * 1024}`),
        headers: {},
      });
      expect(response.body.byteLength).toBe(900 * 1024);
      expect(sameBytes(response.body, pattern(900 * 1024))).toBe(true);
    });

    it("reads an empty 204 response", async () => {
      const response = await make().send({ method: "GET", url: url("/empty"), headers: {} });
      expect(response.status).toBe(204);
      expect(response.body.byteLength).toBe(0);
    });

    it("reads no body after a HEAD, whatever Content-Length it announces", async () => {
      const response = await make().send({ method: "HEAD", url: url("/length-without-body"), headers: {} });
      expect(response.status).toBe(200);
      expect(response.body.byteLength).toBe(0);
    });

    it.runIf(readsLengthOn304)(
      "reads no body after a 304, whatever Content-Length it announces",
      async () => {
        const response = await make().send({ method: "GET", url: url("/length-without-body"), headers: {} });
        expect(response.status).toBe(304);
        expect(response.body.byteLength).toBe(0);
      },
    );

    it("rejects a body larger than maxBodyBytes", async () => {
      const attempt = make({ maxBodyBytes: 1024 }).send({
        method: "GET",
        url: url("/bytes?n=4096"),
        headers: {},
      });
      await expectCode(attempt, "body-too-large");
    });

    it("rejects at once when the signal is already aborted, without sending", async () => {
      const before = server.requestsFor("/echo");
      const attempt = make().send(
        { method: "POST", url: url("/echo"), headers: {}, body: "x" },
        { signal: AbortSignal.abort() },
      );
      await expectCode(attempt, "aborted");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.requestsFor("/echo")).toBe(before);
    });

    it("aborts a request in flight", async () => {
      const controller = new AbortController();
      const started = Date.now();
      const attempt = make().send(
        { method: "GET", url: url("/hang"), headers: {} },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 50);
      await expectCode(attempt, "aborted");
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it("times out a request the server never answers", async () => {
      const started = Date.now();
      await expectCode(
        make({ requestTimeoutMs: 200 }).send({ method: "GET", url: url("/hang"), headers: {} }),
        "timeout",
      );
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it("names the origin but never the path or query in error messages", async () => {
      // A presigned query carries a signature; error messages end up in logs.
      const error = (await make({ requestTimeoutMs: 100 })
        .send({ method: "GET", url: url("/hang?X-Amz-Signature=secret-signature"), headers: {} })
        .then(undefined, (caught: unknown) => caught)) as Error;
      expect(error).toMatchObject({ code: "timeout", origin: server.url.origin });
      expect(error.message).toContain(server.url.origin);
      expect(error.message).not.toContain("secret-signature");
      expect(error.message).not.toContain("/hang");
    });

    it("times out a body that drips slower than the request timeout", async () => {
      const attempt = make({ requestTimeoutMs: 300 }).send({
        method: "GET",
        url: url("/drip?chunks=50&ms=100"),
        headers: {},
      });
      await expectCode(attempt, "timeout");
    });

    it("reads a slow-dripping body that finishes in time", async () => {
      const response = await make().send({ method: "GET", url: url("/drip?chunks=5&ms=20"), headers: {} });
      expect(response.body.byteLength).toBe(50);
    });

    it("fails with a transient code when the connection drops mid-body", async () => {
      const attempt = make().send({ method: "GET", url: url("/reset-mid-body"), headers: {} });
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isTransportError(error), `expected a TransportError, got ${String(error)}`).toBe(true);
      expect(["connection-reset", "truncated-body"]).toContain((error as { code: string }).code);
    });

    it("refuses a port nobody listens on with code connection-refused", async () => {
      const closed = await startLoopbackServer({ kind, tls: options.tls });
      const target = new URL("/empty", closed.url);
      await closed.close();
      await expectCode(make().send({ method: "GET", url: target, headers: {} }), "connection-refused");
    });

    it("reuses the connection for sequential requests (keep-alive)", async () => {
      const transport = make();
      const first = await transport.send({ method: "GET", url: url("/connection-id"), headers: {} });
      const second = await transport.send({ method: "GET", url: url("/connection-id"), headers: {} });
      if (!observesConnections) return;
      expect(new TextDecoder().decode(second.body)).toBe(new TextDecoder().decode(first.body));
    });

    it("serves concurrent requests", async () => {
      const transport = make();
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          transport.send({ method: "POST", url: url("/echo"), headers: {}, body: `request ${i}` }),
        ),
      );
      for (const [i, response] of responses.entries()) {
        expect(new TextDecoder().decode(response.body)).toBe(`request ${i}`);
      }
    });

    it("frees every connection on close() and rejects later sends with code closed", async () => {
      const own = await startLoopbackServer({ kind, tls: options.tls });
      try {
        const transport = make();
        await Promise.all(
          Array.from({ length: 4 }, () =>
            transport.send({ method: "GET", url: new URL("/drip?chunks=2&ms=10", own.url), headers: {} }),
          ),
        );
        await transport.close();
        await expectCode(
          transport.send({ method: "GET", url: new URL("/empty", own.url), headers: {} }),
          "closed",
        );
        if (observesConnections) await eventually(() => expect(own.openConnections()).toBe(0));
      } finally {
        await own.close();
      }
    });
  });
}

/** Byte equality that accepts any Uint8Array subclass (a Node Buffer is one). */
function sameBytes(actual: Uint8Array, expected: Uint8Array): boolean {
  if (!(actual instanceof Uint8Array) || actual.byteLength !== expected.byteLength) return false;
  for (let i = 0; i < expected.byteLength; i++) if (actual[i] !== expected[i]) return false;
  return true;
}

async function expectCode(promise: Promise<unknown>, code: TransportErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isTransportError(error), `expected a TransportError with code ${code}, got ${String(error)}`).toBe(
    true,
  );
  expect((error as { code: string }).code).toBe(code);
}
