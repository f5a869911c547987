import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  BodyTooLargeError,
  ConnectionRefusedError,
  ConnectionResetError,
  DnsError,
  isTransportError,
  readBody,
  startDeadline,
  TimeoutError,
  TlsError,
  TransportClosedError,
  TransportError,
  TruncatedBodyError,
  toTransportError,
} from "../src/index.js";
import { fromSystemError as fromSystemErrorOnTheWeb } from "../src/system-errors.web.js";

const errno = (code: string) => Object.assign(new Error(`fail ${code}`), { code });

describe("toTransportError", () => {
  it.each([
    ["ECONNRESET", "connection-reset"],
    ["EPIPE", "connection-reset"],
    ["UND_ERR_SOCKET", "connection-reset"],
    ["ERR_HTTP2_STREAM_ERROR", "connection-reset"],
    ["ECONNREFUSED", "connection-refused"],
    ["ENOTFOUND", "dns"],
    ["EAI_AGAIN", "dns"],
    ["UND_ERR_CONNECT_TIMEOUT", "timeout"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "tls"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "tls"],
    ["ECONNABORTED", "connection-reset"],
    ["UND_ERR_CLOSED", "connection-reset"],
    ["ERR_HTTP2_GOAWAY_SESSION", "connection-reset"],
    ["ERR_HTTP2_INVALID_SESSION", "connection-reset"],
    ["EAI_NONAME", "dns"],
    ["ETIMEDOUT", "timeout"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "tls"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "tls"],
    ["CERT_HAS_EXPIRED", "tls"],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "tls"],
    ["ABORT_ERR", "aborted"],
    ["ECONNRESET_SOMETHING", "network"],
    ["EWHATEVER", "network"],
  ])("maps %s to code %s", (code, expected) => {
    expect(toTransportError(errno(code)).code).toBe(expected);
  });

  it("finds the code in a fetch TypeError's cause chain", () => {
    const error = new TypeError("fetch failed", { cause: errno("ECONNREFUSED") });
    expect(toTransportError(error).code).toBe("connection-refused");
  });

  it("maps a DOM AbortError to code aborted", () => {
    expect(toTransportError(new DOMException("aborted", "AbortError")).code).toBe("aborted");
  });

  it("maps no error codes in browsers and workers, whose fetch failures carry none", () => {
    expect(fromSystemErrorOnTheWeb(errno("ECONNRESET"), {})).toBeUndefined();
  });

  it("returns a TransportError unchanged", () => {
    const error = new AbortError();
    expect(toTransportError(error)).toBe(error);
  });

  it("names the origin but never the path or query", () => {
    const error = toTransportError(errno("ECONNRESET"), { origin: "https://sts.amazonaws.com" });
    expect(error.message).toContain("https://sts.amazonaws.com");
    expect(error).toBeInstanceOf(TransportError);
    expect(isTransportError(error)).toBe(true);
  });
});

describe("readBody", () => {
  async function* chunks(...parts: number[]) {
    for (const size of parts) yield new Uint8Array(size).fill(7);
  }

  it("concatenates chunks", async () => {
    const body = await readBody(chunks(3, 4), { maxBodyBytes: 100 });
    expect(body).toEqual(new Uint8Array(7).fill(7));
  });

  it("rejects a body larger than maxBodyBytes while streaming", async () => {
    await expect(readBody(chunks(60, 60), { maxBodyBytes: 100 })).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("rejects up front when Content-Length exceeds maxBodyBytes", async () => {
    await expect(readBody(chunks(), { maxBodyBytes: 10, contentLength: 11 })).rejects.toMatchObject({
      code: "body-too-large",
    });
  });

  it("reports a body shorter than its Content-Length as truncated", async () => {
    await expect(readBody(chunks(5), { maxBodyBytes: 100, contentLength: 10 })).rejects.toMatchObject({
      code: "truncated-body",
      message: expect.stringContaining("after 5 of 10 bytes"),
    });
  });
});

describe("startDeadline", () => {
  it("fires with a TimeoutError after the timeout", async () => {
    const deadline = startDeadline(10, undefined, "http://127.0.0.1:1");
    await new Promise((resolve) => deadline.signal.addEventListener("abort", resolve));
    expect(deadline.reason()).toBeInstanceOf(TimeoutError);
    deadline.dispose();
  });

  it("follows the caller's signal with an AbortError", () => {
    const controller = new AbortController();
    const deadline = startDeadline(10_000, controller.signal);
    controller.abort();
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.reason()).toBeInstanceOf(AbortError);
    deadline.dispose();
  });

  it("starts aborted when the caller's signal already is", () => {
    const deadline = startDeadline(10_000, AbortSignal.abort());
    expect(deadline.signal.aborted).toBe(true);
    deadline.dispose();
  });

  it("calls onAbort listeners once, and at once when added after it fired", () => {
    const controller = new AbortController();
    const deadline = startDeadline(10_000, controller.signal);
    const early = vi.fn();
    deadline.onAbort(early);
    expect(early).not.toHaveBeenCalled();
    controller.abort();
    controller.abort();
    const late = vi.fn();
    deadline.onAbort(late);
    expect([early.mock.calls.length, late.mock.calls.length]).toEqual([1, 1]);
    expect(deadline.aborted).toBe(true);
    deadline.dispose();
  });

  it("makes a signal on first read that follows the deadline, carrying its reason", async () => {
    const deadline = startDeadline(10, undefined, "http://127.0.0.1:1");
    const { signal } = deadline;
    expect(signal.aborted).toBe(false);
    await new Promise((resolve) => deadline.onAbort(() => resolve(undefined)));
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(TimeoutError);
    expect(deadline.signal).toBe(signal);
    deadline.dispose();
  });

  it("stops following the caller's signal once disposed", () => {
    const controller = new AbortController();
    const deadline = startDeadline(10_000, controller.signal);
    deadline.dispose();
    controller.abort();
    expect(deadline.aborted).toBe(false);
  });
});

describe("error classes", () => {
  it.each([
    [new AbortError(), "AbortError", "aborted"],
    [new ConnectionResetError(), "ConnectionResetError", "connection-reset"],
    [new ConnectionRefusedError(), "ConnectionRefusedError", "connection-refused"],
    [new DnsError(), "DnsError", "dns"],
    [new TransportClosedError(), "TransportClosedError", "closed"],
    [new TimeoutError("connect", 100), "TimeoutError", "timeout"],
    [new TlsError("CERT_HAS_EXPIRED"), "TlsError", "tls"],
    [new BodyTooLargeError(10), "BodyTooLargeError", "body-too-large"],
    [new TruncatedBodyError(1, 2), "TruncatedBodyError", "truncated-body"],
  ])("%s has its own name and stable code", (error, name, code) => {
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name, code });
  });

  it("keeps the cause and names the origin in the message", () => {
    const cause = new Error("socket hang up");
    const error = new ConnectionResetError({ cause, origin: "https://sts.amazonaws.com" });
    expect(error).toBeInstanceOf(ConnectionResetError);
    expect(error).not.toBeInstanceOf(DnsError);
    expect(error.cause).toBe(cause);
    expect(error.origin).toBe("https://sts.amazonaws.com");
    expect(error.message).toBe("the connection to https://sts.amazonaws.com was reset by the peer");
  });

  it("says which phase timed out", () => {
    expect(new TimeoutError("connect", 5_000, { origin: "https://sts.amazonaws.com" }).message).toBe(
      "the request to https://sts.amazonaws.com timed out after 5000 ms while connecting",
    );
    expect(new TimeoutError("request", 30_000).message).toBe("the request timed out after 30000 ms");
  });
});
