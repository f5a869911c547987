import { BASE_KEY, BASE_SECRET } from "./cli.js";

export const ROLE_ARN = "arn:aws:iam::123456789012:role/demo";

/** ~/.aws/credentials: the base profile's long-term keys. */
export const CREDENTIALS_FILE = `[base]
aws_access_key_id = ${BASE_KEY}
aws_secret_access_key = ${BASE_SECRET}
`;

/** ~/.aws/config: a role assumed with the base keys, and one in another Region. */
export const CONFIG_FILE = `[profile base]
region = us-east-1

[profile role]
role_arn = ${ROLE_ARN}
source_profile = base

[profile regional]
region = eu-west-1
role_arn = ${ROLE_ARN}
source_profile = base

[profile mfa]
role_arn = ${ROLE_ARN}
source_profile = base
mfa_serial = arn:aws:iam::123456789012:mfa/alice
`;

/** The secret and token the base keys and the stand-in's role credentials carry: none may reach stderr. */
export const SECRETS = [BASE_SECRET, "roleSecret/", "roleSessionToken"];
