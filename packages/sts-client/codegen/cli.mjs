// Regenerates src/generated/ from data/: `node codegen/cli.mjs`.
import { writeFileSync } from "node:fs";
import { generate } from "./generate.mjs";
import { stsModel, stsOptions } from "./sts.mjs";

const outDir = new URL("../src/generated/", import.meta.url);
for (const [name, text] of Object.entries(generate(stsModel(), stsOptions()))) {
  writeFileSync(new URL(name, outDir), text);
}
