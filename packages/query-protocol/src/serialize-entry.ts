// `@lanyard/query-protocol/serialize`: building requests without the response parser, whose XML
// codec a process that only presigns, or has not had an answer yet, need not load.
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
export { FORM_CONTENT_TYPE, type SerializeOptions, serialize } from "./serialize.js";
