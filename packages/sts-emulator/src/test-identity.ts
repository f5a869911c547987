/**
 * The SigV4 test suite's identity (aws-c-auth and botocore test vectors): public, documented
 * test data, not a secret. The emulator accepts it as an IAM user's long-term keys.
 */
export const TEST_CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
} as const;

/** The IAM user behind the test identity (the name of the documented GetCallerIdentity example). */
export const TEST_USER_NAME = "Alice";
