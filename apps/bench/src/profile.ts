import { readFile } from "node:fs/promises";

/** The parts of a V8 `.cpuprofile` (as written by `node --cpu-prof`) this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
}

export interface ProfileEntry {
  name: string;
  /** Share of all samples, 0…1. */
  share: number;
}

export interface ProfileSummary {
  samples: number;
  functions: ProfileEntry[];
  packages: ProfileEntry[];
}

function packageOf(url: string, functionName: string): string {
  const workspace = /packages\/([^/]+)\//.exec(url);
  if (workspace) return `@lanyard/${workspace[1]}`;
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (npm) return npm[1]!;
  if (url.startsWith("node:")) return "node (internal)";
  return url === "" ? functionName || "(native)" : url;
}

function top(counts: Map<string, number>, total: number, count: number): ProfileEntry[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, n]) => ({ name, share: n / total }));
}

/** Self-time by function and by package: where the samples landed, for the findings of a missed target. */
export function summarizeProfile(profile: CpuProfile, count = 20): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id);
    if (!frame) continue;
    const where = frame.url.replace(/^.*\/(packages|node_modules)\//, "$1/");
    const fn = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + 1);
    const pkg = packageOf(frame.url, frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + 1);
  }
  const total = Math.max(1, profile.samples.length);
  return {
    samples: profile.samples.length,
    functions: top(functions, total, count),
    packages: top(packages, total, count),
  };
}

export async function summarizeProfileFile(path: string, count?: number): Promise<ProfileSummary> {
  return summarizeProfile(JSON.parse(await readFile(path, "utf8")) as CpuProfile, count);
}

export function formatProfile(summary: ProfileSummary): string {
  const lines = (entries: ProfileEntry[]) =>
    entries.map((entry) => `${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`).join("\n");
  return `${summary.samples} samples\n\nby package (self time)\n${lines(summary.packages)}\n\nby function (self time)\n${lines(summary.functions)}`;
}
