import type { RuleSet } from "@lanyard/endpoints";
import { type ClientNames, header } from "./names.js";
import type { GeneratedSetting, GenerateOptions } from "./options.js";
import { docComment, literal, propertyKey } from "./source.js";

// service.generated.ts: the client options type and the service definition the runtime runs.

/** What the common built-ins of endpoint rule sets read from the endpoint settings. */
const COMMON_BUILT_INS: Record<string, string> = {
  "AWS::Region": "settings.region",
  "AWS::UseFIPS": "settings.useFipsEndpoint",
  "AWS::UseDualStack": "settings.useDualstackEndpoint",
  "SDK::Endpoint": "settings.endpoint",
};

function settingValue(setting: GeneratedSetting, type: string): string {
  const value = `settings.service.${setting.option}`;
  if (type.toLowerCase() !== "boolean") return value;
  if (setting.trueWhen === undefined) throw new Error(`codegen: ${setting.option} needs trueWhen`);
  return `${value} === ${JSON.stringify(setting.trueWhen)}`;
}

/** The rule set's parameters from the endpoint settings; fails on a built-in nobody maps. */
function endpointParams(ruleSet: RuleSet, settings: GeneratedSetting[]): string[] {
  return Object.entries(ruleSet.parameters).flatMap(([name, parameter]) => {
    const builtIn = parameter.builtIn;
    if (builtIn === undefined) return [];
    const setting = settings.find((s) => s.builtIn === builtIn);
    const value = COMMON_BUILT_INS[builtIn] ?? (setting && settingValue(setting, parameter.type));
    if (value === undefined) throw new Error(`codegen: no setting feeds the built-in ${builtIn} (${name})`);
    return [`${propertyKey(name)}: ${value}`];
  });
}

function signingName(options: GenerateOptions): string {
  const { metadata } = options.model;
  return metadata.signingName ?? metadata.endpointPrefix ?? metadata.serviceId.toLowerCase();
}

export function serviceFile(options: GenerateOptions, names: ClientNames): string {
  const settings = options.settings ?? [];
  const serviceId = options.model.metadata.serviceId;
  const variable = `AWS_ENDPOINT_URL_${serviceId.toUpperCase().replace(/ /g, "_")}`;
  const version = "module" in options.version ? "VERSION" : JSON.stringify(options.version.literal);
  const lines = [
    header(options),
    "",
    `import type { ClientConfig, ServiceDefinition } from "${names.runtime}";`,
    ...("module" in options.version ? [`import { VERSION } from "${options.version.module}";`] : []),
    ...(options.defaultCredentials
      ? [`import { ${options.defaultCredentials.name} } from "${options.defaultCredentials.from}";`]
      : []),
    `import { resolveEndpointRules } from "./endpoint-rules.generated.js";`,
    `import { ${names.serviceError} } from "./errors.generated.js";`,
    "",
    ...docComment([
      `Options of \`new ${names.client}(config)\` and \`new ${names.baseClient}(config)\`; every one is optional.`,
    ]),
  ];
  if (settings.length === 0) lines.push(`export type ${names.config} = ClientConfig;`);
  else {
    lines.push(`export interface ${names.config} extends ClientConfig {`);
    for (const setting of settings) {
      lines.push(...docComment([setting.doc], "  "));
      lines.push(
        `  ${setting.option}?: ${setting.choices.map((choice) => JSON.stringify(choice)).join(" | ")};`,
      );
    }
    lines.push("}");
  }
  const definition = [
    `id: ${JSON.stringify(serviceId)}`,
    `version: ${version}`,
    `signingName: ${JSON.stringify(signingName(options))}`,
    `endpointVariable: ${JSON.stringify(variable)}`,
    `resolveEndpoint: (settings) => resolveEndpointRules({ ${endpointParams(options.ruleSet, settings).join(", ")} })`,
    `ServiceError: ${names.serviceError}`,
    ...(settings.length > 0
      ? [
          `settings: ${literal(settings.map(({ option, env, choices, default: fallback }) => ({ option, env, choices, default: fallback })))}`,
        ]
      : []),
    ...(options.defaultCredentials ? [`defaultCredentials: ${options.defaultCredentials.name}`] : []),
  ];
  lines.push(
    "",
    ...docComment([
      `${serviceId} as the runtime sees it: its endpoint rules, signing name, errors and settings.`,
    ]),
    `export const ${names.service}: ServiceDefinition = { ${definition.join(", ")} };`,
    "",
  );
  return lines.join("\n");
}
