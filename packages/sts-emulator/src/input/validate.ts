import { type ErrorAnswer, validationError } from "../answer.js";
import { type OperationModel, type Shape, shapeOf } from "../model/load.js";

// STS names members with a lower-case first letter in its validation messages.
const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

const patterns = new Map<string, RegExp>();

/**
 * The model's patterns are Java regular expressions, matched against the whole value.
 * JavaScript's unicode mode needs `\u{10000}` for code points past the BMP and rejects
 * escapes of plain punctuation such as `\:`.
 */
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    const js = source
      .replace(/\\u([0-9A-Fa-f]{5,6})(?![0-9A-Fa-f])/g, "\\u{$1}")
      .replace(/\\([^A-Za-z0-9^$\\.*+?()[\]{}|/-])/g, "$1");
    pattern = new RegExp(`^(?:${js})$`, "u");
    patterns.set(source, pattern);
  }
  return pattern;
}

type Issues = string[];

function shown(shape: Shape, value: unknown): string {
  if (shape.sensitive || (typeof value !== "string" && typeof value !== "number")) return "Value";
  return `Value '${value}'`;
}

function fail(issues: Issues, shape: Shape, value: unknown, path: string, constraint: string): void {
  issues.push(`${shown(shape, value)} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
}

function checkString(shape: Shape, value: string, path: string, issues: Issues): void {
  if (shape.pattern !== undefined && !patternOf(shape.pattern).test(value))
    fail(issues, shape, value, path, `satisfy regular expression pattern: ${shape.pattern}`);
  checkLength(shape, value, value.length, path, issues);
}

function checkLength(shape: Shape, value: unknown, length: number, path: string, issues: Issues): void {
  if (shape.min !== undefined && length < shape.min)
    fail(issues, shape, value, path, `have length greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && length > shape.max)
    fail(issues, shape, value, path, `have length less than or equal to ${shape.max}`);
}

function checkNumber(shape: Shape, value: unknown, path: string, issues: Issues): void {
  if (typeof value !== "number") {
    fail(issues, shape, value, path, "be a whole number");
    return;
  }
  if (shape.min !== undefined && value < shape.min)
    fail(issues, shape, value, path, `have value greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && value > shape.max)
    fail(issues, shape, value, path, `have value less than or equal to ${shape.max}`);
}

function checkStructure(shape: Shape, value: Record<string, unknown>, path: string, issues: Issues): void {
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const at = path === "" ? lowerFirst(name) : `${path}.${lowerFirst(name)}`;
    const v = value[name];
    if (v === undefined) {
      if (shape.required?.includes(name))
        issues.push(`Value null at '${at}' failed to satisfy constraint: Member must not be null`);
    } else {
      check(member.shape, v, at, issues);
    }
  }
}

function checkList(shape: Shape, items: unknown[], path: string, issues: Issues): void {
  checkLength(shape, items, items.length, path, issues);
  items.forEach((item, i) => {
    check(shape.member!.shape, item, `${path}.${i + 1}.member`, issues);
  });
}

function check(shapeName: string, value: unknown, path: string, issues: Issues): void {
  const shape = shapeOf(shapeName);
  if (shape.type === "structure") checkStructure(shape, value as Record<string, unknown>, path, issues);
  else if (shape.type === "list") checkList(shape, value as unknown[], path, issues);
  else if (shape.type === "integer" || shape.type === "long") checkNumber(shape, value, path, issues);
  else if (shape.type === "string" && typeof value === "string") checkString(shape, value, path, issues);
}

/**
 * Checks a decoded input against the model's constraints and answers as STS's request
 * validation does: `ValidationError`, "N validation errors detected: Value '…' at 'roleArn'
 * failed to satisfy constraint: Member must …", one clause per broken constraint. Sensitive
 * members (tokens, assertions) are named without their value.
 */
export function validateInput(
  operation: OperationModel,
  input: Record<string, unknown>,
): ErrorAnswer | undefined {
  if (!operation.input) return undefined;
  const issues: Issues = [];
  checkStructure(shapeOf(operation.input.shape), input, "", issues);
  if (issues.length === 0) return undefined;
  const count = `${issues.length} validation error${issues.length > 1 ? "s" : ""} detected`;
  return validationError(`${count}: ${issues.join("; ")}`);
}
