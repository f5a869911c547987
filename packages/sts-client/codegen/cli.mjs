// Regenerates src/generated/ from data/: `npm run codegen`.
import { generateClient } from "@lanyard/query-client/codegen";
import { writeGenerated } from "../../../scripts/write-generated.mjs";
import { stsOptions } from "./sts.mjs";

writeGenerated(generateClient(stsOptions()), new URL("../src/generated/", import.meta.url).pathname);
