// `@lanyard/xml-codec/shapes`: the shapes and scalar formats without an XML parser, for code that
// builds requests (query-protocol's serializer) and must not load a parser it never uses.
export { resolveShape } from "./decode.js";
export { XmlCodecError, type XmlCodecErrorCode } from "./errors.js";
export { base64ToBytes, bytesToBase64, decodeScalar, formatScalar } from "./scalars.js";
export type {
  ListShape,
  MapShape,
  ScalarShape,
  ScalarType,
  Shape,
  ShapeMap,
  ShapeRef,
  StructureShape,
} from "./shapes.js";
