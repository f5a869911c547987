import { ValidationError, type ValidationIssue } from "./errors.js";
import type { Operation, Shape, ShapeRef } from "./model.js";

type Shapes = Record<string, Shape>;
type Issues = ValidationIssue[];

const patterns = new Map<string, RegExp>();

function matches(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    // Smithy's @pattern is not implicitly anchored, but botocore's patterns describe the whole
    // value (`[\w+=,.@-]*` for a session name), which is how the SDKs apply them.
    regex = new RegExp(`^(?:${pattern})$`, "u");
    patterns.set(pattern, regex);
  }
  return regex.test(value);
}

/** Smithy's @length counts Unicode scalar values, not UTF-16 code units. */
const codePoints = (value: string) => [...value].length;

const join = (path: string, name: string) => (path === "" ? name : `${path}.${name}`);

const issue = (path: string, rule: ValidationIssue["rule"], message: string): ValidationIssue => ({
  path,
  rule,
  message,
});

const describeType = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;

/** What `value` should have been for a shape of this type, or undefined when its type is right. */
function expectedType(type: Shape["type"], value: unknown): string | undefined {
  switch (type) {
    case "structure":
    case "map":
      return describeType(value) === "object" ? undefined : "an object";
    case "list":
      return Array.isArray(value) ? undefined : "an array";
    case "string":
      return typeof value === "string" ? undefined : "a string";
    case "integer":
    case "long":
      return Number.isInteger(value) ? undefined : "an integer";
    case "float":
    case "double":
      return typeof value === "number" ? undefined : "a number";
    case "boolean":
      return typeof value === "boolean" ? undefined : "a boolean";
    case "timestamp":
      return value instanceof Date && !Number.isNaN(value.getTime()) ? undefined : "a valid Date";
  }
  return undefined;
}

/**
 * A member the shape does not have: in plain JavaScript a misspelt `roleSessionName` would
 * otherwise be dropped silently. Suggests the member it most likely meant (same letters in
 * another case, or at most two edits away), as wire names are easy to get wrong by case.
 */
function unknownMember(name: string, members: string[]): string {
  const lower = name.toLowerCase();
  const meant =
    members.find((member) => member.toLowerCase() === lower) ??
    members.find((member) => editDistance(member.toLowerCase(), lower) <= 2);
  return meant === undefined
    ? "is not a member of the input"
    : `is not a member of the input; did you mean ${meant}?`;
}

/** Levenshtein distance, for the short member names of a model. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** Checks @length (with a unit) or @range (no unit); true when `size` is within the bounds. */
function inBounds(shape: Shape, size: number, path: string, unit: string, issues: Issues): boolean {
  const { min, max } = shape;
  if ((min === undefined || size >= min) && (max === undefined || size <= max)) return true;
  const bounds =
    min === undefined
      ? `at most ${max}`
      : max === undefined
        ? `at least ${min}`
        : `between ${min} and ${max}`;
  const got = unit === "" && shape.sensitive ? "a value outside it" : `${size}${unit}`;
  issues.push(issue(path, unit ? "length" : "range", `must be ${bounds}${unit}, got ${got}`));
  return false;
}

function checkValue(shapes: Shapes, ref: ShapeRef, value: unknown, path: string, issues: Issues): void {
  const shape = shapes[ref.shape];
  if (shape === undefined) return;
  const expected = expectedType(shape.type, value);
  if (expected !== undefined) {
    issues.push(issue(path || "input", "type", `must be ${expected}, got ${describeType(value)}`));
  } else if (shape.type === "structure") {
    const record = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (record[name] === undefined) issues.push(issue(join(path, name), "required", "is required"));
    }
    for (const [name, member] of Object.entries(shape.members)) {
      if (record[name] !== undefined) checkValue(shapes, member, record[name], join(path, name), issues);
    }
    for (const name of Object.keys(record)) {
      if (!Object.hasOwn(shape.members, name) && record[name] !== undefined) {
        issues.push(issue(join(path, name), "unknown", unknownMember(name, Object.keys(shape.members))));
      }
    }
  } else if (shape.type === "map") {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      checkValue(shapes, shape.value, item, `${path}[${JSON.stringify(key)}]`, issues);
    }
  } else if (shape.type === "list") {
    const items = value as unknown[];
    inBounds(shape, items.length, path, " items", issues);
    items.forEach((item, index) => {
      checkValue(shapes, shape.member, item, `${path}[${index}]`, issues);
    });
  } else if (shape.type === "string") {
    const text = value as string;
    // One issue per member: a value of the wrong length is not also reported for its pattern.
    if (inBounds(shape, codePoints(text), path, " characters", issues) && shape.pattern !== undefined) {
      if (!matches(shape.pattern, text)) issues.push(issue(path, "pattern", `must match /${shape.pattern}/`));
    }
  } else if (shape.type === "integer" || shape.type === "long") {
    inBounds(shape, value as number, path, "", issues);
  }
}

/** Every constraint violation of `input`, in model order; empty when the input is valid. */
export function validationIssues(operation: Operation<unknown, unknown>, input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const inputShape = operation.model.operations[operation.name]?.input?.shape;
  if (inputShape !== undefined)
    checkValue(operation.model.shapes, { shape: inputShape }, input ?? {}, "", issues);
  return issues;
}

/** Throws a `ValidationError` naming every bad member (required, type, length, range, pattern). */
export function validate<Input>(operation: Operation<Input, unknown>, input: Input): Input {
  const issues = validationIssues(operation as Operation<unknown, unknown>, input);
  if (issues.length > 0) throw new ValidationError(operation.name, issues);
  return input;
}
