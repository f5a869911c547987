export * from "./exports.js";
export { nobleHash } from "./hash/noble.js";
export { nodeHash } from "./hash/node.js";
export { presign, presignDetails, sign, signAsync, signatureDetails } from "./node.js";
