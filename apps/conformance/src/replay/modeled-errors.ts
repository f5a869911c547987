import { stsModel } from "@lanyard/sts-emulator/model";

/** Every modeled error shape name, each with the first operation that lists it. */
export function modeledErrors(): { shape: string; operation: string }[] {
  const seen = new Map<string, string>();
  for (const [name, op] of Object.entries(stsModel().operations)) {
    for (const { shape } of op.errors ?? []) if (!seen.has(shape)) seen.set(shape, name);
  }
  return [...seen].map(([shape, operation]) => ({ shape, operation }));
}
