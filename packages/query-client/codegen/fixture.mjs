// Regenerates the IAM test fixture (test/fixtures/iam/generated/) from its vendored slice:
// `npm run codegen:fixture`. The runtime's own build must be current (it runs dist/codegen).
import { generateClient } from "@lanyard/query-client/codegen";
import { writeGenerated } from "../../../scripts/write-generated.mjs";
import { iamOptions } from "../test/fixtures/iam/iam-options.mjs";

writeGenerated(
  generateClient(iamOptions()),
  new URL("../test/fixtures/iam/generated/", import.meta.url).pathname,
);
