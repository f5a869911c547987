import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateClient } from "@lanyard/query-client/codegen";
import { describe, expect, it } from "vitest";
import { formatGenerated } from "../../../scripts/write-generated.mjs";
import { stsOptions } from "../codegen/sts.mjs";

const generatedDir = fileURLToPath(new URL("../src/generated/", import.meta.url));

describe("codegen", () => {
  it("regenerating from the vendored model reproduces src/generated/ byte for byte", () => {
    const files = formatGenerated(generateClient(stsOptions()), generatedDir) as Record<string, string>;
    const onDisk = readdirSync(generatedDir).filter((name) => name.endsWith(".generated.ts"));
    expect(Object.keys(files).sort()).toEqual(onDisk.sort());
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(`${generatedDir}${name}`, "utf8"), `${name}: run npm run codegen`).toBe(text);
    }
  }, 60_000);

  it("generates a method and a function for all 11 STS operations", () => {
    const { model } = stsOptions();
    expect(Object.keys(model.operations)).toHaveLength(11);
    const client = readFileSync(`${generatedDir}client.generated.ts`, "utf8");
    const operations = readFileSync(`${generatedDir}operations.generated.ts`, "utf8");
    for (const name of Object.keys(model.operations)) {
      const method = name.charAt(0).toLowerCase() + name.slice(1);
      expect(client).toContain(`  ${method}(`);
      expect(operations).toContain(`export function ${method}(`);
    }
  });
});
