export { type ParsedError, parseError } from "./error-response.js";
export { QueryProtocolError, type QueryProtocolErrorCode } from "./errors.js";
export type {
  ListShape,
  MapShape,
  OperationModel,
  ScalarShape,
  ScalarType,
  ServiceModel,
  Shape,
  ShapeMap,
  ShapeRef,
  StructureShape,
} from "./model.js";
export { type ParsedResponse, parseResponse } from "./response.js";
export { FORM_CONTENT_TYPE, type SerializeOptions, serialize } from "./serialize.js";
