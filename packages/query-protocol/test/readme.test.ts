import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { transform } from "esbuild";
import { afterEach, expect, it, vi } from "vitest";

const example = new URL("./.readme-example.mjs", import.meta.url);

afterEach(() => {
  rmSync(example, { force: true });
  vi.restoreAllMocks();
});

it("the README example runs and prints what it promises", async () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const source = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const entry = new URL("../src/index.ts", import.meta.url).pathname;
  const { code } = await transform(source.replace('"@lanyard/query-protocol"', JSON.stringify(entry)), {
    loader: "ts",
    format: "esm",
  });
  writeFileSync(example, code);
  const logged: unknown[][] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
  await import(/* @vite-ignore */ example.href);
  expect(logged.length).toBeGreaterThan(0);
  expect(JSON.stringify(logged)).toContain("Tags.member.1=a");
  expect(JSON.stringify(logged)).toContain('"requestId":"r-1"');
  expect(JSON.stringify(logged)).toContain("Service Unavailable");
});
