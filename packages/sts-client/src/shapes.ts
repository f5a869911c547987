import type { ListShape, Operation, OperationServiceModel, ScalarShape, StructureShape } from "./model.js";

// Compact constructors for the generated model slices: the generator writes one short call per
// shape instead of a botocore JSON literal (measured: about half the minified bytes), and each
// call builds the plain botocore-format object that @lanyard/query-protocol reads.

/** `"RoleArn=arnType Tags=tagListType"` → `{ RoleArn: { shape: "arnType" }, … }`. */
function memberRefs(members: string): StructureShape["members"] {
  const refs: StructureShape["members"] = {};
  for (const pair of members.split(" ")) {
    const [name, shape] = pair.split("=");
    if (name && shape) refs[name] = { shape };
  }
  return refs;
}

/** A structure; `required` lists member names separated by spaces; `errorCode` marks an error shape. */
export function structure(members: string, required?: string, errorCode?: string): StructureShape {
  const shape: StructureShape = { type: "structure", members: memberRefs(members) };
  if (required) shape.required = required.split(" ");
  if (errorCode !== undefined) {
    shape.error = { code: errorCode };
    shape.exception = true;
  }
  return shape;
}

/** A list of `member`, with optional item-count bounds. */
export function list(member: string, min?: number, max?: number): ListShape {
  return { type: "list", member: { shape: member }, min, max };
}

/** A string, number, boolean or timestamp shape with its optional constraints. */
export function scalar(
  type: ScalarShape["type"],
  min?: number,
  max?: number,
  pattern?: string,
  sensitive?: boolean,
): ScalarShape {
  return { type, min, max, pattern, sensitive };
}

/**
 * An operation with its own model slice. The output's result wrapper is omitted when it is
 * the awsQuery default (`<Name>Result`), which query-protocol applies itself.
 */
export function defineOperation<Input, Output>(
  metadata: OperationServiceModel["metadata"],
  name: string,
  noAuth: boolean,
  errors: Operation<Input, Output>["errors"],
  shapes: OperationServiceModel["shapes"],
  input?: string,
  output?: string,
  resultWrapper?: string,
): Operation<Input, Output> {
  const operation = {
    name,
    input: input === undefined ? undefined : { shape: input },
    output: output === undefined ? undefined : { shape: output, resultWrapper },
  };
  return { name, noAuth, errors, model: { metadata, operations: { [name]: operation }, shapes } };
}
