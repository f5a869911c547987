import type { Example } from "./load.js";

/**
 * Examples written for the operations examples-1.json documents none of, shaped like the
 * documented ones so the emulator and the replay treat both alike. Values follow the AWS API
 * reference pages of each operation and respect the model's length and pattern constraints.
 */
export const WRITTEN_EXAMPLES: Record<string, Example[]> = {
  GetAccessKeyInfo: [
    {
      id: "written-get-access-key-info",
      title: "To get the account that owns an access key",
      input: { AccessKeyId: "ASIAIOSFODNN7EXAMPLE" },
      output: { Account: "111122223333" },
    },
  ],
  AssumeRoot: [
    {
      id: "written-assume-root",
      title: "To get root credentials for a member account",
      input: {
        TargetPrincipal: "111122223333",
        TaskPolicyArn: { arn: "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy" },
        DurationSeconds: 900,
      },
      output: {
        Credentials: {
          AccessKeyId: "ASIAJEXAMPLEXEG2JICEA",
          SecretAccessKey: "9drTJvcXLB89EXAMPLELB8923FB892xMFI",
          SessionToken:
            "AQoXdzELDDY//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZye/qwjzP2iEXAMPLE",
          Expiration: "2024-11-15T00:05:07Z",
        },
        SourceIdentity: "Alice",
      },
    },
  ],
  GetDelegatedAccessToken: [
    {
      id: "written-get-delegated-access-token",
      title: "To trade a trade-in token for delegated credentials",
      input: { TradeInToken: "TRADEINTOKENEXAMPLE0123456789" },
      output: {
        Credentials: {
          AccessKeyId: "ASIAIOSFODNN7EXAMPLE",
          SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
          SessionToken: "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAe",
          Expiration: "2025-11-20T12:00:00Z",
        },
        PackedPolicySize: 6,
        AssumedPrincipal: "arn:aws:sts::123456789012:assumed-role/demo/Bob",
      },
    },
  ],
  GetWebIdentityToken: [
    {
      id: "written-get-web-identity-token",
      title: "To get a web identity token for an external service",
      input: {
        Audience: ["https://api.example.com", "https://auth.example.com"],
        DurationSeconds: 300,
        SigningAlgorithm: "ES384",
        Tags: [{ Key: "team", Value: "payments" }],
      },
      output: {
        WebIdentityToken:
          "eyJhbGciOiJFUzM4NCJ9.eyJhdWQiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbSJ9.EXAMPLESIGNATURE",
        Expiration: "2025-11-20T12:05:00Z",
      },
    },
  ],
};
