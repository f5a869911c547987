export function trimRuleSet(ruleSet: object): object;
export function generateRuleSet(ruleSet: object): string;
