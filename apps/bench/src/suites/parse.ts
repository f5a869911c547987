import { AssumeRoleCommand, STSClient as SdkClient } from "@aws-sdk/client-sts";
import type { HttpResponse as LanyardResponse, Transport } from "@lanyard/http";
import { parseResponse, type ServiceModel } from "@lanyard/query-protocol";
import { HttpResponse } from "@smithy/protocol-http";
import { compareOrReport, tryContender } from "../contenders.js";
import { ASSUME_ROLE_RESPONSE_XML, CREDENTIALS, REGION, ROLE_ARN, ROLE_SESSION_NAME } from "../fixtures.js";
import type { Contender } from "../measure.js";
import { type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";

const BODY = new TextEncoder().encode(ASSUME_ROLE_RESPONSE_XML);
const HEADERS = { "content-type": "text/xml", "x-amzn-requestid": "c6104cbe-af31-11e0-8154-cbc7ccf896c7" };
const INPUT = { RoleArn: ROLE_ARN, RoleSessionName: ROLE_SESSION_NAME };

export const PARSE_ONLY = "lanyard parseResponse (query-protocol)";
export const LANYARD_PIPELINE = "lanyard STSClient.assumeRole, stub transport";
export const SDK_PIPELINE = "@aws-sdk/client-sts AssumeRole, stub requestHandler";

/** A transport answering every request with the documented AssumeRole response, without I/O. */
export const stubTransport: Transport = {
  send: async (): Promise<LanyardResponse> => ({ status: 200, headers: HEADERS, body: BODY }),
  close: async () => {},
};

async function lanyardParseOnly(): Promise<Contender> {
  // The client's per-operation model slice; the same one its pipeline hands to parseResponse.
  // Looked up loosely: the operation constants are exported flat or under `operations`.
  const sts = (await import("@lanyard/sts-client")) as unknown as Record<string, unknown>;
  const namespace = (sts.operations ?? sts) as Record<string, { model: ServiceModel } | undefined>;
  const model = namespace.AssumeRoleOperation?.model;
  if (!model) throw new Error("@lanyard/sts-client exports no AssumeRoleOperation");
  return { name: PARSE_ONLY, run: () => parseResponse("AssumeRole", BODY, model) };
}

async function lanyardPipeline(): Promise<Contender> {
  const { STSClient } = await import("@lanyard/sts-client");
  const client = new STSClient({ region: REGION, credentials: CREDENTIALS, transport: stubTransport });
  return { name: LANYARD_PIPELINE, run: () => client.assumeRole(INPUT) };
}

function sdkPipeline(): Contender {
  // The SDK's parser sits behind its middleware stack; a stub request handler is the public way to reach it.
  const client = new SdkClient({
    region: REGION,
    credentials: CREDENTIALS,
    requestHandler: {
      handle: async () => ({ response: new HttpResponse({ statusCode: 200, headers: HEADERS, body: BODY }) }),
    },
  });
  return { name: SDK_PIPELINE, run: () => client.send(new AssumeRoleCommand(INPUT)) };
}

/** Decoding the documented AssumeRole response, alone and through each client's whole pipeline. */
export async function parseSuite(context: SuiteContext): Promise<SuiteResult> {
  const attempts = [
    await tryContender(PARSE_ONLY, lanyardParseOnly),
    await tryContender(LANYARD_PIPELINE, lanyardPipeline),
    await tryContender(SDK_PIPELINE, sdkPipeline),
  ];
  const rows = (await compareOrReport(attempts, context)).map((row) =>
    row.name === SDK_PIPELINE ? { ...row, reference: LANYARD_PIPELINE } : row,
  );
  return {
    suite: "parse",
    unit: "ops/s",
    baseline: LANYARD_PIPELINE,
    rows: withAdvantage(rows, LANYARD_PIPELINE),
    notes: [
      "Pipeline rows include validate, serialize, sign and parse with no network; parseResponse is the XML decode alone.",
    ],
  };
}
