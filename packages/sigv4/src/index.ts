export * from "./exports.js";
export { nobleHash } from "./hash/noble.js";
export { presign, presignDetails, sign, signatureDetails } from "./portable.js";
export { signAsync } from "./sign-async.js";
