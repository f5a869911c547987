import { ValidationError, type ValidationIssue } from "./errors.js";
import type { ListShape, Operation, Shape, ShapeRef, StructureShape } from "./model.js";

type Shapes = Record<string, Shape>;

const patterns = new Map<string, RegExp>();

function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    // Smithy's @pattern is not implicitly anchored, but botocore's STS patterns describe the whole
    // value (`[\w+=,.@-]*`), which is how the SDKs apply them.
    regex = new RegExp(`^(?:${pattern})$`, "u");
    patterns.set(pattern, regex);
  }
  return regex;
}

/** Smithy's @length counts Unicode scalar values, not UTF-16 code units. */
function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function checkBounds(
  shape: Shape,
  size: number,
  path: string,
  rule: "length" | "range",
  issues: ValidationIssue[],
) {
  const unit = rule === "length" ? (shape.type === "list" ? " items" : " characters") : "";
  const bounds =
    shape.min !== undefined && shape.max !== undefined
      ? `between ${shape.min} and ${shape.max}${unit}`
      : shape.min !== undefined
        ? `at least ${shape.min}${unit}`
        : `at most ${shape.max}${unit}`;
  if ((shape.min !== undefined && size < shape.min) || (shape.max !== undefined && size > shape.max)) {
    const got = rule === "length" ? `${size}${unit}` : shape.sensitive ? "a value outside it" : String(size);
    issues.push({ path, rule, message: `must be ${bounds}, got ${got}` });
  }
}

function checkString(shape: Shape, value: unknown, path: string, issues: ValidationIssue[]) {
  if (typeof value !== "string") {
    typeIssue(path, "a string", value, issues);
    return;
  }
  const before = issues.length;
  checkBounds(shape, codePoints(value), path, "length", issues);
  // One issue per member: a value of the wrong length is not also reported for its pattern.
  if (issues.length === before && shape.pattern !== undefined && !compiled(shape.pattern).test(value)) {
    issues.push({ path, rule: "pattern", message: `must match /${shape.pattern}/` });
  }
}

function typeIssue(path: string, expected: string, value: unknown, issues: ValidationIssue[]) {
  const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  issues.push({ path, rule: "type", message: `must be ${expected}, got ${got}` });
}

function checkStructure(
  shapes: Shapes,
  shape: StructureShape,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    typeIssue(path || "input", "an object", value, issues);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const name of shape.required ?? []) {
    if (record[name] === undefined)
      issues.push({ path: join(path, name), rule: "required", message: "is required" });
  }
  for (const [name, ref] of Object.entries(shape.members)) {
    const member = record[name];
    if (member !== undefined) checkValue(shapes, ref, member, join(path, name), issues);
  }
}

const join = (path: string, name: string) => (path === "" ? name : `${path}.${name}`);

function checkList(
  shapes: Shapes,
  shape: ListShape,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
): void {
  if (!Array.isArray(value)) {
    typeIssue(path, "an array", value, issues);
    return;
  }
  checkBounds(shape, value.length, path, "length", issues);
  value.forEach((item, index) => {
    checkValue(shapes, shape.member, item, `${path}[${index}]`, issues);
  });
}

function checkValue(
  shapes: Shapes,
  ref: ShapeRef,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
): void {
  const shape = shapes[ref.shape];
  if (shape === undefined) return;
  switch (shape.type) {
    case "structure":
      checkStructure(shapes, shape, value, path, issues);
      break;
    case "list":
      checkList(shapes, shape, value, path, issues);
      break;
    case "string":
      checkString(shape, value, path, issues);
      break;
    case "integer":
    case "long":
      if (typeof value !== "number" || !Number.isInteger(value)) typeIssue(path, "an integer", value, issues);
      else checkBounds(shape, value, path, "range", issues);
      break;
    case "boolean":
      if (typeof value !== "boolean") typeIssue(path, "a boolean", value, issues);
      break;
    case "timestamp":
      if (!(value instanceof Date) || Number.isNaN(value.getTime()))
        typeIssue(path, "a valid Date", value, issues);
      break;
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
