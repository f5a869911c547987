export {
  type Example,
  exampleOutput,
  isNoAuth,
  type OperationModel,
  type ServiceModel,
  type Shape,
  shapeOf,
  stsExamples,
  stsModel,
} from "./load.js";
export { WRITTEN_EXAMPLES } from "./written-examples.js";
