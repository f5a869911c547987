import { CREDENTIALS, GET_CALLER_IDENTITY_BODY, REGION } from "../fixtures.js";

/** One script the cold-start suite runs in fresh processes. */
export interface ColdStartScript {
  name: string;
  /** The Lanyard row this peer is compared with. */
  reference?: string;
  /** ES module source; `STUB_URL` is in the environment. `mark(name)` records an in-process time. */
  code: string;
}

const CLIENT_OPTIONS = `region: ${JSON.stringify(REGION)}, endpoint: process.env.STUB_URL, credentials: ${JSON.stringify(CREDENTIALS)}`;
const BODY = JSON.stringify(GET_CALLER_IDENTITY_BODY);
const CLUSTER = JSON.stringify("bench-cluster");

/**
 * Wraps a script so it reports, on its last stdout line, its in-process marks (ms since its first
 * line) and `doneAt`, the epoch time of its last piece of work, against which the exit is timed.
 * It never calls `process.exit`: how soon the process ends on its own is part of what is measured.
 */
export function instrumented(code: string): string {
  return [
    "const t0 = performance.now();",
    "const marks = {};",
    "const mark = (name) => { marks[name] = performance.now() - t0; };",
    code,
    "marks.doneAt = performance.timeOrigin + performance.now();",
    "console.log(JSON.stringify(marks));",
  ].join("\n");
}

export const BASELINE = "node -e 0 (baseline)";
export const LANYARD_ONE_SHOT = "lanyard one-shot: import + first call + exit";
export const LANYARD_PRESIGN = "lanyard EKS token (presign) + exit";
export const LANYARD_CLOSED = "lanyard one-shot, close() after the call";
export const SDK_ONE_SHOT = "@aws-sdk/client-sts one-shot: import + first call + exit";
export const SIGNER_PRESIGN = "@smithy/signature-v4 EKS token (presign) + exit";

/** Whole processes, spawn to exit: what the user of a CLI, exec plugin or Lambda cold start waits for. */
export const ONE_SHOT_SCRIPTS: ColdStartScript[] = [
  { name: BASELINE, code: "" },
  {
    name: LANYARD_ONE_SHOT,
    code: `const { STSClient } = await import("@lanyard/sts-client");
mark("import");
const client = new STSClient({ ${CLIENT_OPTIONS} });
await client.getCallerIdentity();
mark("firstCall");`,
  },
  {
    name: LANYARD_CLOSED,
    code: `const { STSClient } = await import("@lanyard/sts-client");
const client = new STSClient({ ${CLIENT_OPTIONS} });
await client.getCallerIdentity();
await client.close();`,
  },
  {
    name: "lanyard one-shot with UndiciTransport, close()",
    code: `const { STSClient } = await import("@lanyard/sts-client");
const { UndiciTransport } = await import("@lanyard/transport-undici");
const transport = new UndiciTransport();
const client = new STSClient({ ${CLIENT_OPTIONS}, transport });
await client.getCallerIdentity();
await transport.close();`,
  },
  {
    name: SDK_ONE_SHOT,
    reference: LANYARD_ONE_SHOT,
    code: `const { STSClient, GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
mark("import");
const client = new STSClient({ ${CLIENT_OPTIONS} });
await client.send(new GetCallerIdentityCommand({}));
mark("firstCall");`,
  },
  {
    name: LANYARD_PRESIGN,
    code: `const { STSClient } = await import("@lanyard/sts-client");
const client = new STSClient({ ${CLIENT_OPTIONS} });
await client.getEksToken({ clusterName: ${CLUSTER} });`,
  },
  {
    // The SDK has no EKS-token helper; its lightest path is the signer it is built on.
    name: SIGNER_PRESIGN,
    reference: LANYARD_PRESIGN,
    code: `const { SignatureV4 } = await import("@smithy/signature-v4");
const { Hash } = await import("@smithy/hash-node");
const { HttpRequest } = await import("@smithy/protocol-http");
const url = new URL(process.env.STUB_URL);
const signer = new SignatureV4({ credentials: ${JSON.stringify(CREDENTIALS)}, region: ${JSON.stringify(REGION)}, service: "sts", sha256: Hash.bind(null, "sha256") });
const request = new HttpRequest({ method: "GET", protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: "/",
  query: { Action: "GetCallerIdentity", Version: "2011-06-15" }, headers: { host: url.host, "x-k8s-aws-id": ${CLUSTER} } });
const signed = await signer.presign(request, { expiresIn: 60 });
const query = new URLSearchParams(signed.query).toString();
"k8s-aws-v1." + Buffer.from(url.origin + "/?" + query).toString("base64url");`,
  },
  // The floors under the first call: each HTTP stack alone, loading and sending one request.
  {
    name: "node:http alone: one request + exit",
    reference: LANYARD_ONE_SHOT,
    // getBuiltinModule, as Lanyard loads it: on Node 22+ an ES import of node:http also loads
    // Node's bundled undici (its WebSocket getter), 40-70 ms that are no part of the floor.
    code: `const { request } = process.getBuiltinModule("node:http");
await new Promise((resolve, reject) => {
  const outgoing = request(process.env.STUB_URL, { method: "POST" }, (response) => response.resume().on("end", resolve));
  outgoing.on("error", reject).end(${BODY});
});`,
  },
  {
    name: "undici Agent + request alone: one request, close() + exit",
    reference: LANYARD_ONE_SHOT,
    code: `const { default: Agent } = await import("undici/lib/dispatcher/agent.js");
const { default: request } = await import("undici/lib/api/api-request.js");
const agent = new Agent();
const response = await request.call(agent, { origin: process.env.STUB_URL, path: "/", method: "POST", body: ${BODY} });
await response.body.arrayBuffer();
await agent.close();`,
  },
];
