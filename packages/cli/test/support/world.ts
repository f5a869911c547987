import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { makeHome, type TestHome } from "./cli.js";
import { CONFIG_FILE, CREDENTIALS_FILE } from "./profiles.js";
import { StsStandIn } from "./sts-server.js";

export interface CliWorld {
  /** Started once for the test file, and reset before each test. */
  readonly sts: StsStandIn;
  /** A fresh home holding the shared test profiles, for each test. */
  readonly home: TestHome;
}

/** Registers the hooks most end-to-end files share: one STS stand-in per file, one home per test. */
export function useCliWorld(): CliWorld {
  const sts = new StsStandIn();
  let home: TestHome | undefined;
  beforeAll(() => sts.start());
  afterAll(() => sts.close());
  beforeEach(async () => {
    sts.reset();
    home = await makeHome({ config: CONFIG_FILE, credentials: CREDENTIALS_FILE });
  });
  afterEach(() => home?.remove());
  return {
    sts,
    get home(): TestHome {
      if (home === undefined) throw new Error("the test home exists only inside a test");
      return home;
    },
  };
}
