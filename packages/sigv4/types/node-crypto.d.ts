// The build compiles with `types: []` so no Node global leaks into the portable entry; this declares
// just the part of node:crypto that src/hash/node.ts (reached only via the `node` condition) uses.
declare module "node:crypto" {
  interface Digester {
    update(data: string | Uint8Array): Digester;
    digest(): Uint8Array;
    digest(encoding: "hex"): string;
  }
  export function createHash(algorithm: "sha256"): Digester;
  export function createHmac(algorithm: "sha256", key: string | Uint8Array): Digester;
  export const hash:
    | ((algorithm: "sha256", data: string | Uint8Array, encoding: "hex") => string)
    | undefined;
}
