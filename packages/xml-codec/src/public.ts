// The surface shared by both entry points; each index adds its own parseXml backend.
export { decodeShape, resolveShape } from "./decode.js";
export type { ParseXmlOptions, XmlElement } from "./element.js";
export { childNamed, childrenNamed, childText, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from "./element.js";
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
