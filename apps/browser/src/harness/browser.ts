import { type Browser, chromium } from "playwright-core";
import { CHROMIUM_PATH } from "./ensure-chromium.js";

// The network here is closed: without the background-networking, component-update and sync
// flags Chromium's own connections are refused and slow start-up. QUIC is off so every
// request is plain HTTP/1.1 over loopback.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches Debian's headless Chromium. playwright-core gives every `launch()` a fresh
 * temporary profile (it rejects a `--user-data-dir` argument and deletes the profile on close).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
