export interface GenerateOptions {
  serviceName: string;
  clientClass: string;
  baseClientClass: string;
  /** Module (relative to src/generated/) exporting baseClientClass; default ../base-client.js. */
  baseClientModule?: string;
  serviceErrorClass: string;
  docsUrl: (operation: string) => string;
  summaries?: Record<string, string>;
  ruleSet?: object;
}
export function generate(model: object, options: GenerateOptions): Record<string, string>;
export function jsPattern(pattern: string): string;
export function trimRuleSet(ruleSet: object): object;
