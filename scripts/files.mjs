// Every file below a directory, depth first: what the build and check scripts walk in dist/.
import { readdir } from "node:fs/promises";
import { join } from "node:path";

export async function* files(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}
