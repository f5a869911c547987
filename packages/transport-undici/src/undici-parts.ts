import type * as Undici from "undici";
import apiRequest from "undici/lib/api/api-request.js";
import agent from "undici/lib/dispatcher/agent.js";

// undici's index loads everything it has (fetch, WebSocket, cache, mock agents, interceptors)
// and takes longer to import than the whole AWS SDK; a CLI pays that on every run. The agent and
// `request` alone load in about a third of the time. undici 7 has no `exports` map, so these
// files are importable, and static imports keep them visible to bundlers.
// test/undici-parts.test.ts checks they are the very objects undici's index exports, so a
// release that moves them fails the tests rather than a user's call.

/** The per-origin pool of keep-alive connections. */
export const Agent = agent as typeof Undici.Agent;

/**
 * `Dispatcher.prototype.request`, which only undici's index attaches to the prototype; called
 * with a dispatcher as `this`, it returns the response.
 */
export const request = apiRequest as (
  this: Undici.Dispatcher,
  options: Undici.Dispatcher.RequestOptions,
) => Promise<Undici.Dispatcher.ResponseData>;
