import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser.js";
import { bundlePage } from "./bundle.js";
import { htmlPage, type StaticServer, startStaticServer } from "./static-server.js";

/** A response the page received, as Chromium's DevTools protocol reports it (CORS preflights included). */
export interface NetworkResponse {
  /** DevTools resource type: `Document`, `Script`, `Fetch`, `Preflight`, … */
  type: string;
  status: number;
  url: string;
}

export interface OpenedPage {
  page: Page;
  /** The `data-state` the page finished with: `done` or `error`. */
  state: string;
  consoleErrors: string[];
  responses: NetworkResponse[];
}

/** A bundled page served on 127.0.0.1 and a Chromium to open it in. */
export interface PageHost {
  origin: string;
  browser: Browser;
  /** Source files bundled into the page (esbuild's metafile inputs). */
  inputs: string[];
  /** Opens the page at `search` (e.g. "?endpoint=…"), collecting console errors; waits for `data-state`. */
  open(search?: string): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** Bundles `src/pages/<name>.ts`, serves it with an HTML shell, and launches Chromium. */
export async function hostPage(
  name: string,
  title: string,
  extraFiles: Record<string, string> = {},
): Promise<PageHost> {
  const entry = fileURLToPath(new URL(`../pages/${name}.ts`, import.meta.url));
  const { code: script, inputs } = await bundlePage(entry);
  const files: Record<string, { contentType: string; body: string }> = {
    "/": { contentType: "text/html; charset=utf-8", body: htmlPage(title, `/${name}.js`) },
    [`/${name}.js`]: { contentType: "text/javascript; charset=utf-8", body: script },
  };
  for (const [path, body] of Object.entries(extraFiles)) {
    files[path] = { contentType: "application/json; charset=utf-8", body };
  }
  const server: StaticServer = await startStaticServer(files);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const host: PageHost = {
    origin: server.origin,
    browser,
    inputs,
    open: (search = "") => openPage(browser, `${server.origin}/${search}`),
    async close() {
      await browser.close();
      await server.close();
    },
  };
  return host;
}

/** Opens `url` in a new page, recording console errors and responses, and waits for `data-state`. */
async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  // Playwright's own request events leave out CORS preflights; the DevTools protocol has them.
  const responses: NetworkResponse[] = [];
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Network.enable");
  devtools.on("Network.responseReceived", ({ type, response }) => {
    responses.push({ type, status: response.status, url: response.url });
  });
  await page.goto(url);
  const app = await page.waitForSelector("#app[data-state]", { timeout: 60_000 });
  return { page, state: (await app.getAttribute("data-state")) ?? "", consoleErrors, responses };
}
