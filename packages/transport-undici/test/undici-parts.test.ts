import * as undici from "undici";
import { describe, expect, it } from "vitest";
import { Agent, request } from "../src/undici-parts.js";

// The transport imports two of undici's lib/ files directly (src/undici-parts.ts). If an undici
// release moves or replaces them, this fails here instead of in a user's first call.
describe("undici's lib/ files the transport imports", () => {
  it("are the very Agent and request that undici's index exports", () => {
    expect(Agent).toBe(undici.Agent);
    expect(request).toBe(undici.Dispatcher.prototype.request);
  });
});
