import { runNodeJson } from "../child.js";
import { CREDENTIALS, GET_CALLER_IDENTITY_BODY, REGION } from "../fixtures.js";
import { median } from "../measure.js";
import { startStub } from "../stub-client.js";
import { errorMessage, type Row, type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";

interface Variant {
  name: string;
  reference?: string;
  /** ES module source; `STUB_URL` is in the environment. */
  code: string;
}

const CLIENT_OPTIONS = `{ region: ${JSON.stringify(REGION)}, endpoint: process.env.STUB_URL, credentials: ${JSON.stringify(CREDENTIALS)} }`;
const BODY = JSON.stringify(GET_CALLER_IDENTITY_BODY);

// Each script times itself from its first line, so Node's own bootstrap (the same for all) is left out.
const VARIANTS: Variant[] = [
  { name: "lanyard import", code: `await import("@lanyard/sts-client");` },
  {
    name: "lanyard import + first call",
    code: `const { STSClient } = await import("@lanyard/sts-client");
const client = new STSClient(${CLIENT_OPTIONS});
await client.getCallerIdentity();`,
  },
  {
    name: "@aws-sdk/client-sts import",
    reference: "lanyard import",
    code: `await import("@aws-sdk/client-sts");`,
  },
  {
    name: "@aws-sdk/client-sts import + first call",
    reference: "lanyard import + first call",
    code: `const { STSClient, GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
const client = new STSClient(${CLIENT_OPTIONS});
await client.send(new GetCallerIdentityCommand({}));`,
  },
  // The floors under the two clients' first calls: their HTTP stacks alone, loading and sending
  // one request. Lanyard's Node default is undici (the files its transport imports); the SDK's is node:http.
  {
    name: "undici Agent + request alone: import + first request",
    reference: "lanyard import + first call",
    code: `const { default: Agent } = await import("undici/lib/dispatcher/agent.js");
const { default: request } = await import("undici/lib/api/api-request.js");
const response = await request.call(new Agent(), { origin: process.env.STUB_URL, path: "/", method: "POST", body: ${BODY} });
await response.body.arrayBuffer();`,
  },
  {
    name: "node:http alone: import + first request",
    reference: "lanyard import + first call",
    code: `const { request } = await import("node:http");
await new Promise((resolve, reject) => {
  const outgoing = request(process.env.STUB_URL, { method: "POST" }, (response) => response.resume().on("end", resolve));
  outgoing.on("error", reject).end(${BODY});
});`,
  },
];

function script(code: string): string {
  return `const t0 = performance.now();\n${code}\nconsole.log(JSON.stringify({ ms: performance.now() - t0 }));\nprocess.exit(0);`;
}

/** Fresh processes: import alone, and import + one GetCallerIdentity; median of N, variants interleaved. */
export async function coldStartSuite(context: SuiteContext): Promise<SuiteResult> {
  const runs = context.quick ? 3 : 11;
  const stub = await startStub();
  const samples = new Map<string, number[]>(VARIANTS.map((v) => [v.name, []]));
  const errors = new Map<string, string>();
  try {
    for (let i = 0; i < runs; i++) {
      context.log(`cold-start: run ${i + 1}/${runs}`);
      for (const variant of VARIANTS) {
        if (errors.has(variant.name)) continue;
        try {
          const { ms } = await runNodeJson<{ ms: number }>(
            ["--input-type=module", "-e", script(variant.code)],
            {
              STUB_URL: stub.http1Url,
            },
          );
          samples.get(variant.name)!.push(ms);
        } catch (error) {
          errors.set(variant.name, errorMessage(error));
        }
      }
    }
  } finally {
    await stub.stop();
  }
  const rows: Row[] = VARIANTS.map((variant) => {
    const error = errors.get(variant.name);
    const own = samples.get(variant.name)!;
    return {
      name: variant.name,
      value: error ? Number.NaN : median(own),
      samples: own,
      ...(variant.reference ? { reference: variant.reference } : {}),
      ...(error ? { error } : {}),
    };
  });
  const baseline = "lanyard import + first call";
  return {
    suite: "cold-start",
    unit: "ms",
    lowerIsBetter: true,
    baseline,
    rows: withAdvantage(rows, baseline, true),
    notes: [`median of ${runs} fresh processes each, timed from the script's first line`],
  };
}
