import { ensureChromium } from "../src/harness/ensure-chromium.js";

/** Runs once before the browser tests: a fresh CI machine installs Debian's Chromium here. */
export default function setup(): void {
  ensureChromium();
}
