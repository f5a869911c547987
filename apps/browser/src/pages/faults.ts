// Retries as a browser sees them: each case is a GetCallerIdentity call whose user agent
// carries `app/<case>`, the key under which the test programmed the emulator's fault.
// Clock-skew correction only works here if the emulator exposes its `Date` header over CORS.
import { STSClient } from "@lanyard/sts-client";
import { FetchTransport } from "@lanyard/transport-fetch";
import { definitionList, errorText, finish, section } from "./render.js";
import { TEST_IDENTITY } from "./test-identity.js";

async function runCase(endpoint: string, name: string): Promise<HTMLElement> {
  const client = new STSClient({
    region: "us-east-1",
    endpoint,
    credentials: TEST_IDENTITY,
    transport: new FetchTransport({ requestTimeoutMs: 2_000 }),
    userAgentAppId: name,
  });
  try {
    const result = await client.getCallerIdentity({});
    return section(
      name,
      definitionList([
        ["Outcome", `${name}-outcome`, `Account ${result.Account}`],
        ["Attempts", `${name}-attempts`, String(result.$metadata.attempts)],
      ]),
    );
  } catch (error) {
    return section(name, definitionList([["Outcome", `${name}-outcome`, errorText(error).data]]));
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  try {
    const query = new URLSearchParams(location.search);
    const endpoint = query.get("endpoint");
    const cases = query.get("cases")?.split(",") ?? [];
    if (!endpoint || cases.length === 0) throw new Error("expected ?endpoint=<STS URL>&cases=<a,b,…>");
    const sections: HTMLElement[] = [];
    for (const name of cases) sections.push(await runCase(endpoint, name));
    finish("done", ...sections);
  } catch (error) {
    finish("error", section("Failed", errorText(error)));
  }
}

void main();
