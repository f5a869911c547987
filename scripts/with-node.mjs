// Runs a script with another Node release than the one on PATH, so the packages' Node-side tests
// and the cold-start benchmark can be checked on the releases users run (22 and 24), not only on
// the machine's own. Each release is fetched once from the npm registry, where the
// `node-<platform>-<arch>` packages carry the official Node binaries, into
// node_modules/.cache/lanyard-node/<version>. PATH leads to it, so child processes run it too.
//
// Usage: node scripts/with-node.mjs <22|24> <script> [args…]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";

// Exact versions, so every run tests the same binaries; the registry checks their integrity.
const RELEASES = { 22: "22.23.5", 24: "24.22.3" };

const [major, script, ...args] = process.argv.slice(2);
const version = RELEASES[major];
if (!version || !script) {
  console.error(`usage: node scripts/with-node.mjs <${Object.keys(RELEASES).join("|")}> <script> [args…]`);
  process.exit(2);
}

const root = new URL("..", import.meta.url).pathname;
const cache = join(root, "node_modules", ".cache", "lanyard-node");
const home = join(cache, version);
const binDir = join(home, "package", "bin");
const node = join(binDir, process.platform === "win32" ? "node.exe" : "node");

function fetchRelease() {
  const name = `node-${process.platform}-${process.arch}@${version}`;
  const staging = `${home}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    execFileSync("npm", ["pack", name, "--pack-destination", staging, "--silent"], { stdio: "ignore" });
    const tarball = readdirSync(staging).find((file) => file.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack wrote no tarball");
    execFileSync("tar", ["-xzf", join(staging, tarball), "-C", staging]);
    rmSync(join(staging, tarball));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`with-node: could not fetch ${name} from the npm registry (${error.message})`);
    process.exit(1);
  }
  // Renamed into place only once complete, so an interrupted fetch is never taken for a release;
  // a folder left without its binary (removed by hand, say) is replaced.
  rmSync(home, { recursive: true, force: true });
  renameSync(staging, home);
}

if (!existsSync(node)) fetchRelease();
const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ""}` };
const result = spawnSync(node, [script, ...args], { stdio: "inherit", env, cwd: process.cwd() });
if (result.error) {
  console.error(`with-node: could not start Node ${version} (${result.error.message})`);
  process.exit(1);
}
process.exit(result.status ?? 1);
