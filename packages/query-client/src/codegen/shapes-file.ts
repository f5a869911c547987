import { header } from "./names.js";
import type { GenerateOptions } from "./options.js";
import type { ShapePlan } from "./plan-shapes.js";
import { identifier } from "./source.js";

// shapes.generated.ts: one constant per distinct shape of the operation slices.

export function shapesFile(options: GenerateOptions, plan: ShapePlan, runtime: string): string {
  const builders = ["list", "map", "structure"].filter((builder) =>
    [...plan.constants.values()].some((source) => source.startsWith(`${builder}(`)),
  );
  const lines = [
    header(options),
    "",
    "// One constant per distinct shape of the operation slices (see planShapes in the generator):",
    "// structures, lists and maps built by the runtime's compact constructors, scalars as botocore",
    "// literals. A bundle keeps only the ones its operations reach.",
    `import { ${["type Shape", ...builders].join(", ")} } from "${runtime}";`,
    "",
  ];
  for (const [name, source] of plan.constants) {
    const pure = source.startsWith("{") ? "" : "/* @__PURE__ */ ";
    lines.push(`export const ${identifier(name)}: Shape = ${pure}${source};`);
  }
  return `${lines.join("\n")}\n`;
}
