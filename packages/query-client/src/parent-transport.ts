import type { Transport } from "@lanyard/http";
import type { ParentClient } from "./model.js";

/**
 * The client's transport as the default credential chain's providers see it: resolved when a
 * provider first sends a request. Environment and file credentials send none, so a process that
 * only presigns with them (an EKS token) never loads an HTTP stack; IAM Identity Center, console
 * login, containers and instance metadata still go through the client's own transport.
 */
export function parentTransport(parent: ParentClient): Transport {
  return {
    send: async (request, options) => (await parent.resolveTransport()).send(request, options),
    // The client owns its transport and closes it with itself.
    close: async () => {},
  };
}
