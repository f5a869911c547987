import type { AgentOptions, ClientRequest, Agent as HttpAgent } from "node:http";
import type { Duplex } from "node:stream";
import { TransportClosedError } from "@lanyard/http";
import { agentOptions, type ClosableAgent, type PoolSettings } from "./agents.js";
import { ConnectTimeoutSignal } from "./connect-timeout.js";
import { proxyAddress } from "./proxy-credentials.js";
import { ProxyRefusalSignal } from "./proxy-refusal.js";
import { proxyLabel } from "./proxy-url.js";

/** What the agents of https-proxy-agent and http-proxy-agent have in common. */
interface ProxyConnector extends HttpAgent {
  connectOpts: object;
  connect(req: ClientRequest, options: never): Promise<Duplex>;
}
/** `headers` go to the proxy: on the CONNECT for a tunnel, on each forwarded request otherwise. */
type ProxyAgentClass = new (
  proxy: string,
  options: AgentOptions & { headers: Record<string, string> },
) => ProxyConnector;

/**
 * A keep-alive agent that reaches targets through `proxy`: a CONNECT tunnel (https-proxy-agent)
 * for https targets, absolute-URI forwarding (http-proxy-agent) for http ones, as curl and
 * botocore do. The packages load only here, on the first request that goes through a proxy.
 */
export async function createProxyAgent(
  proxy: URL,
  secureTarget: boolean,
  pool: PoolSettings,
): Promise<ClosableAgent> {
  const Base: ProxyAgentClass = secureTarget
    ? (await import("https-proxy-agent")).HttpsProxyAgent
    : (await import("http-proxy-agent")).HttpProxyAgent;
  const bounds = { timeoutMs: pool.connectTimeoutMs, label: proxyLabel(proxy), secure: secureTarget };
  class BoundedProxyAgent extends Base implements ClosableAgent {
    #shut = false;
    override connect(req: ClientRequest, options: never): Promise<Duplex> {
      if (this.#shut) return Promise.reject(new TransportClosedError());
      return boundedConnect(this, req, () => super.connect(req, options), bounds);
    }
    shut() {
      this.#shut = true;
      this.destroy();
    }
  }
  const { href, headers } = proxyAddress(proxy);
  const agent = new BoundedProxyAgent(href, { ...agentOptions(pool), headers });
  // agent-base otherwise guesses the protocol from a stack trace on every request.
  (agent as unknown as { protocol: string }).protocol = secureTarget ? "https:" : "http:";
  return agent;
}

interface Bounds {
  timeoutMs: number;
  label: string;
  /** Whether a TLS handshake with the target follows the tunnel (then it counts as connecting too). */
  secure: boolean;
}

/**
 * Runs the agent's `connect` under the connect timeout. The proxy packages open their socket to
 * the proxy synchronously inside `connect()` from `connectOpts`, so handing it a signal for that
 * one call lets the timer destroy a connection the proxy never answers (it would otherwise hold
 * the process open until the OS gives up). A tunnel the proxy refuses becomes an error here,
 * where https-proxy-agent would replay the proxy's answer as if the target had sent it.
 */
async function boundedConnect<S extends Duplex>(
  agent: ProxyConnector,
  req: ClientRequest,
  connect: () => Promise<S>,
  bounds: Bounds,
): Promise<S> {
  const attempt = new AbortController();
  let refusal: ProxyRefusalSignal | undefined;
  req.once("proxyConnect", (answer: { statusCode: number; statusText: string }) => {
    if (answer.statusCode !== 200)
      refusal = new ProxyRefusalSignal(bounds.label, answer.statusCode, answer.statusText);
  });
  const shared = agent.connectOpts;
  agent.connectOpts = { ...shared, signal: attempt.signal };
  let pending: Promise<S>;
  try {
    pending = connect();
  } finally {
    agent.connectOpts = shared;
  }
  let socket: S | undefined;
  const timer = setTimeout(() => {
    const reason = new ConnectTimeoutSignal(bounds.timeoutMs);
    if (socket) socket.destroy(reason);
    else attempt.abort(reason);
  }, bounds.timeoutMs);
  try {
    socket = await pending;
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
  if (refusal) {
    clearTimeout(timer);
    socket.destroy();
    throw refusal;
  }
  if (bounds.secure && socket instanceof process.getBuiltinModule("node:tls").TLSSocket) {
    socket.once("secureConnect", () => clearTimeout(timer));
    socket.once("close", () => clearTimeout(timer));
  } else {
    clearTimeout(timer);
  }
  return socket;
}
