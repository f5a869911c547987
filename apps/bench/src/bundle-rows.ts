// The bundle suite's rows for the README's examples, which the bundle targets judge.
export const WEB_IDENTITY_SPA = "lanyard web-identity SPA, README (browser)";
export const ASSUME_ROLE_FETCH = "lanyard signed AssumeRole + fetch, README (browser)";
export const WORKER = "lanyard worker AssumeRole, README (worker)";
export const LAMBDA = "lanyard Lambda-style AssumeRole handler (node)";
export const SDK_LAMBDA = "@aws-sdk/client-sts Lambda-style AssumeRole handler (node)";
