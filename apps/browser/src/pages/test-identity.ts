/**
 * The SigV4 test suite's public example identity (aws-c-auth and botocore's aws4 suite), the
 * only one the conformance emulator accepts. Not a secret: it is published with the suite.
 */
export const TEST_IDENTITY = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
