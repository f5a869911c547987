/**
 * The SigV4 test suite's public example identity (aws-c-auth and botocore's aws4 suite), the
 * one the STS emulator (@lanyard/sts-emulator) accepts. Not a secret: it is published with the suite.
 */
export const TEST_IDENTITY = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
