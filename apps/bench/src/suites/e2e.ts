import { GetCallerIdentityCommand, STSClient as SdkClient } from "@aws-sdk/client-sts";
import type { Transport } from "@lanyard/http";
import { sign } from "@lanyard/sigv4";
import { FetchTransport } from "@lanyard/transport-fetch";
import { Http2Transport } from "@lanyard/transport-http2";
import { NodeHttpTransport } from "@lanyard/transport-node";
import { UndiciTransport } from "@lanyard/transport-undici";
import { Pool } from "undici";
import { CREDENTIALS, FORM_CONTENT_TYPE, GET_CALLER_IDENTITY_BODY, REGION } from "../fixtures.js";
import { compareLoad, FULL_LOAD, type LoadContender, QUICK_LOAD } from "../load.js";
import { type RunningStub, startStub } from "../stub-client.js";
import { errorMessage, type Row, type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";

export const CONCURRENCY = [1, 64] as const;

interface Caller {
  name: string;
  call: () => Promise<unknown>;
  close: () => Promise<unknown>;
}

async function lanyardCaller(name: string, url: string, transport: Transport): Promise<Caller> {
  const { STSClient } = await import("@lanyard/sts-client");
  const client = new STSClient({ region: REGION, endpoint: url, credentials: CREDENTIALS, transport });
  return { name, call: () => client.getCallerIdentity(), close: () => client.close() };
}

function sdkCaller(url: string): Caller {
  const client = new SdkClient({ region: REGION, endpoint: url, credentials: CREDENTIALS });
  return {
    name: "@aws-sdk/client-sts",
    call: () => client.send(new GetCallerIdentityCommand({})),
    close: async () => client.destroy(),
  };
}

/** The ceiling: one request signed once, replayed on a bare undici Pool (no client work per call). */
function rawUndiciCaller(url: string): Caller {
  const signed = sign(
    {
      method: "POST",
      url: new URL(url),
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: GET_CALLER_IDENTITY_BODY,
    },
    { credentials: CREDENTIALS, region: REGION, service: "sts" },
  );
  const pool = new Pool(url, { connections: 64 });
  const options = {
    path: "/",
    method: "POST" as const,
    headers: signed.headers,
    body: GET_CALLER_IDENTITY_BODY,
  };
  return {
    name: "raw undici Pool",
    call: async () => {
      const response = await pool.request(options);
      await response.body.arrayBuffer();
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
    },
    close: () => pool.close(),
  };
}

async function callers(stub: RunningStub): Promise<(Caller | Row)[]> {
  const makers: [string, () => Caller | Promise<Caller>][] = [
    [
      "lanyard node",
      () => lanyardCaller("lanyard node", stub.http1Url, new NodeHttpTransport({ proxy: false })),
    ],
    ["lanyard undici", () => lanyardCaller("lanyard undici", stub.http1Url, new UndiciTransport())],
    ["lanyard fetch", () => lanyardCaller("lanyard fetch", stub.http1Url, new FetchTransport())],
    ["lanyard http2 (h2c)", () => lanyardCaller("lanyard http2 (h2c)", stub.h2cUrl, new Http2Transport())],
    ["@aws-sdk/client-sts", () => sdkCaller(stub.http1Url)],
    ["raw undici Pool", () => rawUndiciCaller(stub.http1Url)],
  ];
  const out: (Caller | Row)[] = [];
  for (const [name, make] of makers) {
    let caller: Caller | undefined;
    try {
      caller = await make();
      await caller.call();
      out.push(caller);
    } catch (error) {
      await caller?.close().catch(() => {});
      for (const c of CONCURRENCY)
        out.push({ name: `${name} c=${c}`, value: Number.NaN, error: errorMessage(error) });
    }
  }
  return out;
}

/** GetCallerIdentity calls/s and latency against a loopback stub in another process, per transport. */
export async function e2eSuite(context: SuiteContext): Promise<SuiteResult> {
  const stub = await startStub();
  try {
    const all = await callers(stub);
    const live = all.filter((c): c is Caller => "call" in c);
    const rows: Row[] = all.filter((c): c is Row => !("call" in c));
    for (const concurrency of CONCURRENCY) {
      context.log(`e2e: concurrency ${concurrency}`);
      const contenders: LoadContender[] = live.map((c) => ({
        name: `${c.name} c=${concurrency}`,
        call: c.call,
        concurrency,
      }));
      for (const r of await compareLoad(contenders, context.quick ? QUICK_LOAD : FULL_LOAD)) {
        rows.push({
          name: r.name,
          value: r.callsPerSec,
          samples: r.rounds,
          extra: { p50Ms: r.p50Ms, p99Ms: r.p99Ms },
          reference: `lanyard undici c=${concurrency}`,
        });
      }
    }
    await Promise.all(live.map((c) => c.close()));
    const baseline = "lanyard undici c=64";
    return { suite: "e2e", unit: "calls/s", baseline, rows: withAdvantage(rows, baseline) };
  } finally {
    await stub.stop();
  }
}
