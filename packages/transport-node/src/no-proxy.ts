import type { BlockList } from "node:net";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const net = process.getBuiltinModule("node:net");

/**
 * A parsed `NO_PROXY` list, matched the way curl and Python's urllib (botocore, the AWS CLI) do:
 *
 * - entries are separated by commas (spaces around them are ignored) and compared case-insensitively;
 * - `*` alone bypasses the proxy for every host;
 * - `example.com`, `.example.com` and `*.example.com` all match `example.com` and every subdomain
 *   (`api.example.com`), never `badexample.com`;
 * - `host:port` matches that host only on that port (the scheme's default port counts);
 * - IP literals match that address (`::1`, `[::1]`, `[::1]:8443`); CIDR blocks (`10.0.0.0/8`,
 *   `fd00::/8`) match addresses inside them; a target given as an IP address is only ever matched
 *   against those, never as a domain suffix (curl's rule; urllib would let `0.0.1` cover `10.0.0.1`);
 * - host names are not resolved: `127.0.0.1` does not cover `localhost`.
 */
export class NoProxyList {
  readonly #all: boolean;
  readonly #rules: readonly HostRule[];
  readonly #blocks: BlockList | undefined;

  constructor(value: string | undefined) {
    const entries = (value ?? "")
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry !== "");
    this.#all = entries.includes("*");
    this.#rules = entries.flatMap((entry) => hostRule(entry) ?? []);
    this.#blocks = cidrBlocks(entries);
  }

  /** Whether a request to `hostname` (as in `URL#hostname`) on `port` goes direct. */
  bypasses(hostname: string, port: number): boolean {
    if (this.#all) return true;
    const host = unbracket(hostname.toLowerCase());
    const family = net.isIP(host);
    for (const rule of this.#rules) {
      if (rule.port !== undefined && rule.port !== port) continue;
      // As curl does, an IP address is matched as an address only, never as a domain suffix.
      if (host === rule.host || (family === 0 && !rule.ip && host.endsWith(`.${rule.host}`))) return true;
    }
    return (
      family !== 0 && this.#blocks !== undefined && this.#blocks.check(host, family === 4 ? "ipv4" : "ipv6")
    );
  }
}

interface HostRule {
  host: string;
  port: number | undefined;
  /** IP literals match exactly, never as a domain suffix. */
  ip: boolean;
}

function hostRule(entry: string): HostRule | undefined {
  if (entry === "*" || entry.includes("/")) return undefined;
  if (net.isIP(entry) === 6) return { host: entry, port: undefined, ip: true };
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, port: optionalPort(bracketed[2]), ip: true };
  const [name = "", port] = entry.split(":");
  const host = name.replace(/^\*?\.+/, "");
  if (host === "") return undefined;
  return { host, port: optionalPort(port), ip: net.isIP(host) !== 0 };
}

function cidrBlocks(entries: readonly string[]): BlockList | undefined {
  let blocks: BlockList | undefined;
  for (const entry of entries) {
    const match = /^\[?([^\]/]+)\]?\/(\d{1,3})$/.exec(entry);
    const family = match ? net.isIP(match[1]!) : 0;
    if (!match || family === 0) continue;
    const prefix = Number(match[2]);
    if (prefix > (family === 4 ? 32 : 128)) continue;
    blocks ??= new net.BlockList();
    blocks.addSubnet(match[1]!, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return blocks;
}

function optionalPort(text: string | undefined): number | undefined {
  return text && /^\d+$/.test(text) ? Number(text) : undefined;
}

function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
