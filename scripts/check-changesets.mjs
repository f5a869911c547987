// Checks the pending changesets: each names exactly one workspace package that is published
// (not private), with a valid bump. A changeset's text is copied whole into the CHANGELOG of
// every package it names, so one naming several packages puts one package's notes in another's
// log. Exits non-zero with one line per problem.
import { readdirSync, readFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const dir = new URL(".changeset/", root);

function publishedPackages() {
  const names = new Set();
  for (const folder of ["packages"]) {
    for (const entry of readdirSync(new URL(`${folder}/`, root), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const pkg = JSON.parse(readFileSync(new URL(`${folder}/${entry.name}/package.json`, root), "utf8"));
      if (!pkg.private) names.add(pkg.name);
    }
  }
  return names;
}

/** The `"name": bump` lines between the leading `---` fences. */
function releases(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (match === null) return undefined;
  const lines = match[1].split(/\r?\n/).filter((line) => line.trim() !== "");
  return {
    entries: lines.map((line) => /^\s*["']?([^"':]+)["']?\s*:\s*(\S+)\s*$/.exec(line)),
    body: match[2].trim(),
  };
}

const published = publishedPackages();
const problems = [];
const files = readdirSync(dir).filter((name) => name.endsWith(".md") && name !== "README.md");
for (const file of files) {
  const parsed = releases(readFileSync(new URL(file, dir), "utf8"));
  if (parsed === undefined) {
    problems.push(`${file}: no front matter (--- "package": bump ---)`);
    continue;
  }
  if (parsed.entries.length !== 1) {
    problems.push(`${file}: names ${parsed.entries.length} packages; write one changeset per package`);
  }
  for (const entry of parsed.entries) {
    if (entry === null) problems.push(`${file}: a front-matter line is not "package": bump`);
    else if (!published.has(entry[1]))
      problems.push(`${file}: ${entry[1]} is not a published workspace package`);
    else if (!["major", "minor", "patch"].includes(entry[2]))
      problems.push(`${file}: bump "${entry[2]}" is not major, minor or patch`);
  }
  if (parsed.body === "") problems.push(`${file}: says nothing for the package's users`);
}
for (const problem of problems) console.error(`changesets: ${problem}`);
if (problems.length > 0) process.exit(1);
console.log(`changesets: ${files.length} pending, each naming one published package`);
