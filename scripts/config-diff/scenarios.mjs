// The scenarios of the differential fixtures: shared config files as the AWS CLI writes
// them and as people write them by hand, with environments and profile options. Each is
// resolved by botocore and the JS SDK v3 (generate.mjs) and replayed against Lanyard by
// packages/credentials/test/config-diff.test.ts. Placeholders are listed in materialize.mjs.
//
// Access key ids say where they come from: AKIDENV… the environment, AKIDCRED… the
// credentials file, AKIDCONF… the config file; the stand-ins issue ASIAROLE…, ASIAWEB…,
// ASIASSO…, ASIAPROC…, ASIACONT…, ASIAIMDS… and ASIALOGIN… (see servers.mjs).

const ENV_KEYS = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" };
// The role and SSO stand-ins are reached through the service-specific endpoint variables;
// botocore's STS client needs a region for a custom endpoint, so both region variables are set.
const REGION = { AWS_REGION: "us-east-1", AWS_DEFAULT_REGION: "us-east-1" };
const STS = { AWS_ENDPOINT_URL_STS: "{sts}", ...REGION };
const SSO = { AWS_ENDPOINT_URL_SSO: "{sso}", AWS_ENDPOINT_URL_SSO_OIDC: "{oidc}" };
const START_URL = "https://corp.awsapps.com/start";

const keys = (id) => `aws_access_key_id = ${id}\naws_secret_access_key = secret-${id.toLowerCase()}\n`;
const DEFAULT_CREDENTIALS = `[default]\n${keys("AKIDCREDDEFAULT")}\n[dev]\n${keys("AKIDCREDDEV")}`;

function processScript(accessKeyId, extra = "") {
  return {
    text:
      "const expiration = new Date(Date.now() + 3600e3).toISOString();\n" +
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "${accessKeyId}", ` +
      `SecretAccessKey: "process-secret", SessionToken: "process-token", Expiration: expiration${extra} }));\n`,
    mode: 0o755,
  };
}

/** An sso-session token cache entry as `aws sso login` writes it. */
function ssoToken(accessToken, expiresIn, refresh = {}) {
  return {
    startUrl: START_URL,
    region: "us-east-1",
    accessToken,
    expiresAt: `{iso:${expiresIn >= 0 ? "+" : ""}${expiresIn}}`,
    clientId: "client-id-from-register",
    clientSecret: "client-secret-from-register",
    registrationExpiresAt: "{iso:+7776000}",
    refreshToken: "refresh-token-1",
    ...refresh,
  };
}

const SSO_SESSION = `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
const SSO_PROFILE = `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Developer\nregion = eu-west-1\noutput = json\n`;
const SSO_CONFIG = SSO_PROFILE + "\n" + SSO_SESSION;
const LEGACY_SSO = `[profile old]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = us-west-2\n`;

const parsing = [
  { id: "static-default", about: "[default] in the credentials file", credentials: DEFAULT_CREDENTIALS },
  {
    id: "static-profile-option",
    about: "the profile option selects a credentials-file section",
    credentials: DEFAULT_CREDENTIALS,
    profile: "dev",
  },
  {
    id: "static-aws-profile",
    about: "AWS_PROFILE selects a credentials-file section",
    credentials: DEFAULT_CREDENTIALS,
    env: { AWS_PROFILE: "dev" },
  },
  {
    id: "config-file-keys",
    about: "static keys in a [profile x] section of the config file",
    config: `[profile cfg]\n${keys("AKIDCONFCFG")}region = ap-south-1\n`,
    env: { AWS_PROFILE: "cfg" },
  },
  {
    id: "config-bare-section",
    about: "a bare [cfg] section in the config file is not a profile",
    config: `[cfg]\n${keys("AKIDCONFBARE")}`,
    env: { AWS_PROFILE: "cfg" },
  },
  {
    id: "credentials-override-config",
    about: "both files define the default profile's keys: the credentials file wins",
    config: `[default]\n${keys("AKIDCONFDEFAULT")}region = eu-central-1\n`,
    credentials: `[default]\n${keys("AKIDCREDDEFAULT")}`,
  },
  {
    id: "partial-split-across-files",
    about: "the access key id in the credentials file, the secret in the config file",
    config: "[default]\naws_secret_access_key = split-secret\nregion = us-east-2\n",
    credentials: "[default]\naws_access_key_id = AKIDCREDSPLIT\n",
  },
  {
    id: "crlf-line-endings",
    about: "files written on Windows (CRLF)",
    config: "[default]\r\nregion = eu-west-3\r\n",
    credentials: `[default]\r\n${keys("AKIDCREDCRLF").replace(/\n/g, "\r\n")}`,
  },
  {
    id: "cr-only-line-endings",
    about: "files with classic Mac line endings (CR only)",
    config: "[default]\rregion = eu-north-1\r",
    credentials: `[default]\r${keys("AKIDCREDCR").replace(/\n/g, "\r")}`,
  },
  {
    id: "mixed-line-endings",
    about: "LF, CRLF and CR in one file",
    credentials: "[default]\r\naws_access_key_id = AKIDCREDMIXED\naws_secret_access_key = mixed\r",
    config: "[default]\nregion = sa-east-1\r\n",
  },
  {
    id: "utf8-bom",
    about: "a credentials file saved with a UTF-8 byte order mark",
    credentials: `\ufeff[default]\n${keys("AKIDCREDBOM")}`,
  },
  {
    id: "full-line-comments",
    about: "# and ; comment lines, indented comments",
    credentials: `# managed by hand\n; second style\n[default]\n  # indented comment\n${keys("AKIDCREDCOMMENTS")}`,
    config: "; config comment\n[default]\n# region below\nregion = us-west-1\n",
  },
  {
    id: "inline-comment-after-value",
    about: "`key = value ; comment` (botocore keeps the comment in the value)",
    credentials:
      "[default]\naws_access_key_id = AKIDCREDINLINE ; the ci key\naws_secret_access_key = s # secret\n",
    config: "[default]\nregion = us-east-1 # N. Virginia\n",
  },
  {
    id: "hash-inside-value",
    about: "a # or ; without whitespace before it is part of the value",
    credentials: "[default]\naws_access_key_id = AKIDCREDHASH\naws_secret_access_key = abc#def;ghi\n",
  },
  {
    id: "section-header-comment",
    about: "a comment after a section header",
    credentials: `[default] # main keys\n${keys("AKIDCREDHEADER")}`,
    config: "[default] ; settings\nregion = ca-central-1\n",
  },
  {
    id: "quoted-profile-double",
    about: '[profile "qa"] written with double quotes',
    config: `[profile "qa"]\n${keys("AKIDCONFQA")}region = eu-south-1\n`,
    env: { AWS_PROFILE: "qa" },
  },
  {
    id: "quoted-profile-with-space",
    about: "[profile 'my prof'] as the AWS CLI writes a name with a space",
    config: `[profile 'my prof']\n${keys("AKIDCONFSPACE")}region = eu-west-2\n`,
    env: { AWS_PROFILE: "my prof" },
  },
  {
    id: "unquoted-profile-with-space",
    about: "[profile my prof] without quotes",
    config: `[profile my prof]\n${keys("AKIDCONFSPACE")}region = eu-west-2\n`,
    env: { AWS_PROFILE: "my prof" },
  },
  {
    id: "profile-name-special-characters",
    about: "a profile name with @ + . : / characters",
    config: `[profile me@corp.example/dev:1]\n${keys("AKIDCONFSPECIAL")}region = us-east-2\n`,
    env: { AWS_PROFILE: "me@corp.example/dev:1" },
  },
  {
    id: "default-then-profile-default",
    about: "[default] first, then [profile default] in the config file",
    config: "[default]\nregion = us-west-1\n\n[profile default]\nregion = us-west-2\n",
    credentials: `[default]\n${keys("AKIDCREDDEFAULT")}`,
  },
  {
    id: "profile-default-then-default",
    about: "[profile default] first, then [default] in the config file",
    config: "[profile default]\nregion = us-west-2\n\n[default]\nregion = us-west-1\n",
    credentials: `[default]\n${keys("AKIDCREDDEFAULT")}`,
  },
  {
    id: "uppercase-keys",
    about: "key names in upper case",
    credentials: "[default]\nAWS_ACCESS_KEY_ID = AKIDCREDUPPER\nAWS_SECRET_ACCESS_KEY = upper\n",
    config: "[default]\nRegion = us-east-1\n",
  },
  {
    id: "mixed-case-section",
    about: "[Default] is not [default]",
    credentials: `[Default]\n${keys("AKIDCREDCASE")}`,
  },
  {
    id: "duplicate-keys",
    about: "a key repeated in one section",
    credentials: `[default]\n${keys("AKIDCREDFIRST")}aws_access_key_id = AKIDCREDSECOND\n`,
  },
  {
    id: "duplicate-sections",
    about: "a section header repeated: its keys merge",
    credentials:
      "[default]\naws_access_key_id = AKIDCREDDUP\n\n[dev]\naws_access_key_id = x\n\n[default]\naws_secret_access_key = dup\n",
  },
  {
    id: "spaces-in-header",
    about: "[ default ] with spaces inside the brackets",
    credentials: `[ default ]\n${keys("AKIDCREDSPACES")}`,
  },
  {
    id: "no-spaces-around-equals",
    about: "key=value without spaces, tabs before values",
    credentials: "[default]\naws_access_key_id=AKIDCREDTIGHT\naws_secret_access_key=\ttight\n",
    config: "[default]\nregion=ap-northeast-1\n",
  },
  {
    id: "nested-subsection",
    about: "an indented s3 sub-section, then more keys",
    config:
      "[default]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\nregion = ap-southeast-2\n",
    credentials: `[default]\n${keys("AKIDCREDNESTED")}`,
  },
  {
    id: "region-in-credentials-file",
    about: "region only in the credentials file",
    credentials: `[default]\n${keys("AKIDCREDREGION")}region = me-south-1\n`,
  },
  {
    id: "region-in-both-files",
    about: "region in both files",
    config: "[default]\nregion = us-east-1\n",
    credentials: `[default]\n${keys("AKIDCREDREGION")}region = us-west-2\n`,
  },
  {
    id: "empty-value",
    about: "aws_session_token with an empty value",
    credentials: `[default]\n${keys("AKIDCREDEMPTY")}aws_session_token =\n`,
  },
  {
    id: "continuation-line",
    about: "an indented line continuing the previous value",
    credentials: "[default]\naws_access_key_id = AKIDCREDCONT\naws_secret_access_key = first\n  second\n",
  },
  {
    id: "colon-delimiter",
    about: "`key: value` lines",
    credentials: `[default]\n${keys("AKIDCREDCOLON")}`,
    config: "[default]\nregion: eu-west-1\n",
  },
  {
    id: "empty-profile-section",
    about: "AWS_PROFILE names a section with no keys",
    config: "[profile empty]\n",
    credentials: DEFAULT_CREDENTIALS,
    env: { AWS_PROFILE: "empty" },
  },
  {
    id: "aws-session-token-in-file",
    about: "a session token in the credentials file",
    credentials: `[default]\n${keys("ASIACREDTEMP")}aws_session_token = file-session-token\n`,
  },
  {
    id: "aws-security-token-in-file",
    about: "the legacy aws_security_token key in the credentials file",
    credentials: `[default]\n${keys("ASIACREDLEGACY")}aws_security_token = legacy-token\n`,
  },
];

const selection = [
  {
    id: "missing-aws-profile",
    about: "AWS_PROFILE names a profile that is in neither file",
    credentials: DEFAULT_CREDENTIALS,
    env: { AWS_PROFILE: "ghost" },
  },
  {
    id: "missing-profile-option",
    about: "the profile option names a profile that is in neither file",
    credentials: DEFAULT_CREDENTIALS,
    profile: "ghost",
  },
  {
    id: "missing-aws-profile-on-ec2",
    about: "AWS_PROFILE names a missing profile on an instance with a role",
    credentials: DEFAULT_CREDENTIALS,
    env: { AWS_PROFILE: "ghost" },
    imds: "env",
  },
  {
    id: "aws-profile-default-no-files",
    about: "AWS_PROFILE=default with no shared files",
    env: { AWS_PROFILE: "default" },
  },
  { id: "nothing-configured", about: "no files, no variables, no instance metadata" },
  {
    id: "config-file-env-override",
    about: "AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point elsewhere",
    files: {
      "elsewhere/conf": "[profile alt]\nregion = af-south-1\n",
      "elsewhere/creds": `[alt]\n${keys("AKIDCREDALT")}`,
    },
    credentials: DEFAULT_CREDENTIALS,
    env: {
      AWS_CONFIG_FILE: "{home}/elsewhere/conf",
      AWS_SHARED_CREDENTIALS_FILE: "{home}/elsewhere/creds",
      AWS_PROFILE: "alt",
    },
  },
  {
    id: "credentials-file-missing",
    about: "AWS_SHARED_CREDENTIALS_FILE names a file that does not exist",
    config: `[default]\n${keys("AKIDCONFDEFAULT")}region = us-east-1\n`,
    env: { AWS_SHARED_CREDENTIALS_FILE: "{home}/nowhere/credentials" },
  },
];

const environment = [
  { id: "env-keys", about: "keys in the environment only", env: { ...ENV_KEYS, AWS_REGION: "us-east-1" } },
  {
    id: "env-keys-with-token",
    about: "keys and AWS_SESSION_TOKEN in the environment",
    env: { ...ENV_KEYS, AWS_SESSION_TOKEN: "env-token", AWS_REGION: "us-east-1" },
  },
  {
    id: "env-security-token",
    about: "the legacy AWS_SECURITY_TOKEN instead of AWS_SESSION_TOKEN",
    env: { ...ENV_KEYS, AWS_SECURITY_TOKEN: "legacy-env-token", AWS_REGION: "us-east-1" },
  },
  {
    id: "env-keys-over-files",
    about: "keys in the environment and in the default profile",
    env: ENV_KEYS,
    credentials: DEFAULT_CREDENTIALS,
  },
  {
    id: "env-keys-and-aws-profile",
    about: "keys in the environment and AWS_PROFILE",
    env: { ...ENV_KEYS, AWS_PROFILE: "dev" },
    credentials: DEFAULT_CREDENTIALS,
  },
  {
    id: "env-keys-and-profile-option",
    about: "keys in the environment and the profile option",
    env: ENV_KEYS,
    credentials: DEFAULT_CREDENTIALS,
    profile: "dev",
  },
  {
    id: "env-key-without-secret",
    about: "AWS_ACCESS_KEY_ID without AWS_SECRET_ACCESS_KEY",
    env: { AWS_ACCESS_KEY_ID: "AKIDENVALONE" },
    credentials: DEFAULT_CREDENTIALS,
  },
  {
    id: "aws-region-and-default-region",
    about: "AWS_REGION and AWS_DEFAULT_REGION differ",
    env: { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-west-2" },
    credentials: DEFAULT_CREDENTIALS,
  },
  {
    id: "aws-default-region-only",
    about: "AWS_DEFAULT_REGION alone",
    env: { AWS_DEFAULT_REGION: "us-west-2" },
    credentials: DEFAULT_CREDENTIALS,
  },
  {
    id: "aws-region-over-profile",
    about: "AWS_REGION and a profile region",
    env: { AWS_REGION: "ap-east-1" },
    config: "[default]\nregion = us-east-1\n",
    credentials: DEFAULT_CREDENTIALS,
  },
];

const ROLE_SOURCE = `[default]\n${keys("AKIDCREDDEFAULT")}`;
const roles = [
  {
    id: "role-source-profile",
    about: "role_arn with source_profile = default",
    config:
      "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default\nregion = us-west-2\n",
    credentials: ROLE_SOURCE,
    env: { ...STS, AWS_PROFILE: "admin" },
  },
  {
    id: "role-chain-three",
    about: "a chain of three role profiles",
    config: [
      "[profile a]\nrole_arn = arn:aws:iam::111111111111:role/A\nsource_profile = default",
      "[profile b]\nrole_arn = arn:aws:iam::222222222222:role/B\nsource_profile = a",
      "[profile c]\nrole_arn = arn:aws:iam::333333333333:role/C\nsource_profile = b\nregion = eu-west-1",
    ].join("\n"),
    credentials: ROLE_SOURCE,
    env: { ...STS, AWS_PROFILE: "c" },
  },
  {
    id: "role-self-source",
    about: "a profile with static keys that names itself as source_profile",
    credentials: `[self]\n${keys("AKIDCREDSELF")}role_arn = arn:aws:iam::123456789012:role/Self\nsource_profile = self\n`,
    env: { ...STS, AWS_PROFILE: "self" },
  },
  {
    id: "role-source-with-keys-and-role",
    about: "the source profile has static keys and its own role_arn",
    config:
      "[profile top]\nrole_arn = arn:aws:iam::123456789012:role/Top\nsource_profile = mid\n" +
      `[profile mid]\nrole_arn = arn:aws:iam::123456789012:role/Mid\nsource_profile = default\n${keys("AKIDCONFMID")}`,
    credentials: ROLE_SOURCE,
    env: { ...STS, AWS_PROFILE: "top" },
  },
  {
    id: "role-loop",
    about: "two role profiles that name each other",
    config:
      "[profile x]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = y\n[profile y]\nrole_arn = arn:aws:iam::1:role/Y\nsource_profile = x\n",
    env: { ...STS, AWS_PROFILE: "x" },
  },
  {
    id: "role-loop-on-ec2",
    about: "a role loop on an instance with a role",
    config:
      "[profile x]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = y\n[profile y]\nrole_arn = arn:aws:iam::1:role/Y\nsource_profile = x\n",
    env: { ...STS, AWS_PROFILE: "x" },
    imds: "env",
  },
  {
    id: "role-external-id",
    about: "role_arn with external_id",
    config:
      "[profile ext]\nrole_arn = arn:aws:iam::123456789012:role/Partner\nsource_profile = default\nexternal_id = ext-1234\n",
    credentials: ROLE_SOURCE,
    env: { ...STS, AWS_PROFILE: "ext" },
  },
  {
    id: "role-session-name",
    about: "role_arn with role_session_name and duration_seconds",
    config:
      "[profile named]\nrole_arn = arn:aws:iam::123456789012:role/Named\nsource_profile = default\nrole_session_name = alice\nduration_seconds = 900\n",
    credentials: ROLE_SOURCE,
    env: { ...STS, AWS_PROFILE: "named" },
  },
  {
    id: "role-credential-source-env",
    about: "credential_source = Environment",
    config:
      "[profile envrole]\nrole_arn = arn:aws:iam::123456789012:role/FromEnv\ncredential_source = Environment\n",
    env: { ...STS, ...ENV_KEYS, AWS_PROFILE: "envrole" },
  },
  {
    id: "role-credential-source-env-empty",
    about: "credential_source = Environment with no keys in the environment",
    config:
      "[profile envrole]\nrole_arn = arn:aws:iam::123456789012:role/FromEnv\ncredential_source = Environment\n",
    env: { ...STS, AWS_PROFILE: "envrole" },
  },
  {
    id: "role-credential-source-container",
    about: "credential_source = EcsContainer",
    config:
      "[profile ecs]\nrole_arn = arn:aws:iam::123456789012:role/FromEcs\ncredential_source = EcsContainer\n",
    env: { ...STS, AWS_PROFILE: "ecs", AWS_CONTAINER_CREDENTIALS_FULL_URI: "{container}/v2/credentials" },
  },
  {
    id: "role-credential-source-imds",
    about: "credential_source = Ec2InstanceMetadata",
    config:
      "[profile ec2]\nrole_arn = arn:aws:iam::123456789012:role/FromEc2\ncredential_source = Ec2InstanceMetadata\n",
    env: { ...STS, AWS_PROFILE: "ec2" },
    imds: "env",
  },
  {
    id: "role-credential-source-unknown",
    about: "credential_source = Moon",
    config: "[profile moon]\nrole_arn = arn:aws:iam::123456789012:role/Moon\ncredential_source = Moon\n",
    env: { ...STS, AWS_PROFILE: "moon" },
  },
  {
    id: "role-both-sources",
    about: "source_profile and credential_source in one profile",
    config:
      "[profile both]\nrole_arn = arn:aws:iam::123456789012:role/Both\nsource_profile = default\ncredential_source = Environment\n",
    credentials: ROLE_SOURCE,
    env: { ...STS, ...ENV_KEYS, AWS_PROFILE: "both" },
  },
  {
    id: "role-missing-source-profile",
    about: "source_profile names a profile that does not exist",
    config: "[profile r]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = ghost\n",
    env: { ...STS, AWS_PROFILE: "r" },
  },
  {
    id: "role-mfa",
    about: "a role profile with mfa_serial and no way to ask for the code",
    config:
      "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/Mfa\nsource_profile = default\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n",
    credentials: ROLE_SOURCE,
    env: { ...STS, AWS_PROFILE: "mfa" },
  },
  {
    id: "role-in-credentials-file",
    about: "role_arn and source_profile in the credentials file",
    credentials: `${ROLE_SOURCE}\n[cr]\nrole_arn = arn:aws:iam::123456789012:role/Cred\nsource_profile = default\n`,
    env: { ...STS, AWS_PROFILE: "cr" },
  },
  {
    id: "role-source-process",
    about: "a role whose source profile runs credential_process",
    config:
      "[profile r]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = proc\n" +
      "[profile proc]\ncredential_process = {node} {home}/bin/creds.mjs\n",
    files: { "bin/creds.mjs": processScript("ASIAPROCSOURCE") },
    env: { ...STS, AWS_PROFILE: "r" },
  },
  {
    id: "role-source-sso",
    about: "a role whose source profile is an SSO profile",
    config: "[profile r]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = dev\n" + SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...STS, ...SSO, AWS_PROFILE: "r" },
  },
  {
    id: "role-region-from-profile",
    about: "the role profile's region and the default profile's region",
    config:
      "[default]\nregion = us-east-1\n[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default\nregion = ap-southeast-1\n",
    credentials: ROLE_SOURCE,
    env: { AWS_ENDPOINT_URL_STS: "{sts}", AWS_PROFILE: "admin" },
  },
];

const webIdentity = [
  {
    id: "web-identity-env",
    about: "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN",
    files: { "token/jwt": "eyJ.web.identity" },
    env: {
      ...STS,
      AWS_WEB_IDENTITY_TOKEN_FILE: "{home}/token/jwt",
      AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/Pod",
      AWS_REGION: "us-east-1",
    },
  },
  {
    id: "web-identity-profile",
    about: "web_identity_token_file in a profile",
    files: { "token/jwt": "eyJ.profile.identity\n" },
    config:
      "[profile w]\nrole_arn = arn:aws:iam::123456789012:role/Web\nweb_identity_token_file = {home}/token/jwt\nregion = us-east-2\n",
    env: { ...STS, AWS_PROFILE: "w" },
  },
  {
    id: "web-identity-file-missing",
    about: "a web identity token file that does not exist",
    env: {
      ...STS,
      AWS_WEB_IDENTITY_TOKEN_FILE: "{home}/token/none",
      AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/Pod",
      AWS_REGION: "us-east-1",
    },
  },
  {
    id: "web-identity-after-files",
    about: "a default profile with keys and the web identity variables",
    files: { "token/jwt": "eyJ.web.identity" },
    credentials: DEFAULT_CREDENTIALS,
    env: { ...STS, AWS_WEB_IDENTITY_TOKEN_FILE: "{home}/token/jwt", AWS_ROLE_ARN: "arn:aws:iam::1:role/Pod" },
  },
];

const processes = [
  {
    id: "process-basic",
    about: "credential_process printing Version 1 JSON",
    config: "[default]\ncredential_process = {node} {home}/bin/creds.mjs\nregion = us-east-1\n",
    files: { "bin/creds.mjs": processScript("ASIAPROCBASIC") },
  },
  {
    id: "process-quoted-arguments",
    about: "credential_process with a quoted argument",
    config: "[default]\ncredential_process = {node} {home}/bin/creds.mjs \"two words\" 'single'\n",
    files: { "bin/creds.mjs": processScript("ASIAPROCQUOTED") },
  },
  {
    id: "process-fails",
    about: "credential_process exits with status 1",
    config: "[default]\ncredential_process = {node} {home}/bin/fail.mjs\n",
    files: { "bin/fail.mjs": { text: 'console.error("no session"); process.exit(1);\n', mode: 0o755 } },
  },
  {
    id: "process-bad-json",
    about: "credential_process prints something that is not JSON",
    config: "[default]\ncredential_process = {node} {home}/bin/bad.mjs\n",
    files: { "bin/bad.mjs": { text: 'process.stdout.write("AccessKeyId=ASIAPROCBAD");\n', mode: 0o755 } },
  },
  {
    id: "process-expired",
    about: "credential_process prints credentials that have expired",
    config: "[default]\ncredential_process = {node} {home}/bin/old.mjs\n",
    files: {
      "bin/old.mjs": {
        text:
          'process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "ASIAPROCOLD", SecretAccessKey: "s", ' +
          'SessionToken: "t", Expiration: "2000-01-01T00:00:00Z" }));\n',
        mode: 0o755,
      },
    },
  },
  {
    id: "process-and-static-keys",
    about: "a profile with static keys and credential_process",
    credentials: `[default]\n${keys("AKIDCREDSTATICWINS")}credential_process = {node} {home}/bin/creds.mjs\n`,
    files: { "bin/creds.mjs": processScript("ASIAPROCLOSES") },
  },
];

const remote = [
  {
    id: "container-full-uri",
    about: "AWS_CONTAINER_CREDENTIALS_FULL_URI on loopback",
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: "{container}/v2/credentials", AWS_REGION: "us-east-1" },
  },
  { id: "imds-env-endpoint", about: "instance metadata at AWS_EC2_METADATA_SERVICE_ENDPOINT", imds: "env" },
  {
    id: "imds-config-endpoint",
    about: "instance metadata at ec2_metadata_service_endpoint in the config file",
    config: "[default]\nec2_metadata_service_endpoint = {imds}\nregion = us-east-1\n",
    imds: "config",
  },
  {
    id: "imds-v1-disabled-config",
    about: "ec2_metadata_v1_disabled = true with an IMDSv2 endpoint",
    config: "[default]\nec2_metadata_v1_disabled = true\nregion = us-east-1\n",
    imds: "env",
  },
  {
    id: "container-over-imds",
    about: "container variables set on an instance with a role",
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: "{container}/v2/credentials" },
    imds: "env",
  },
];

const sso = [
  {
    id: "sso-session-valid",
    about: "an sso_session profile with a valid cached token",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-profile-option",
    about: "the profile option selects an sso_session profile",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-option", 3600) },
    env: SSO,
    profile: "dev",
  },
  {
    id: "sso-legacy-valid",
    about: "a legacy sso_start_url profile with a valid cached token",
    config: LEGACY_SSO,
    ssoCache: {
      [START_URL]: {
        startUrl: START_URL,
        region: "us-east-1",
        accessToken: "sso-legacy-valid",
        expiresAt: "{iso:+3600}",
      },
    },
    env: { ...SSO, AWS_PROFILE: "old" },
  },
  {
    id: "sso-session-expired-refresh",
    about: "an expired token with a valid refresh token: refreshed through SSO OIDC",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-expired", -600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-near-expiry",
    about: "a token that expires in 10 minutes (inside botocore's window, outside the JS SDK's)",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-soon", 600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-expiring-in-2-minutes",
    about: "a token that expires in 2 minutes: both refresh",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-very-soon", 120) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-refresh-revoked",
    about: "an expired token whose refresh token was revoked",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-expired", -600, { refreshToken: "revoked-refresh" }) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-expired-no-refresh",
    about: "an expired token without a refresh token",
    config: SSO_CONFIG,
    ssoCache: {
      corp: { startUrl: START_URL, region: "us-east-1", accessToken: "sso-old", expiresAt: "{iso:-600}" },
    },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-registration-expired",
    about: "an expired token whose client registration has expired",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-expired", -600, { registrationExpiresAt: "{iso:-60}" }) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-missing-cache",
    about: "no cached token (never logged in)",
    config: SSO_CONFIG,
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-missing-cache-on-ec2",
    about: "no cached token on an instance with a role",
    config: SSO_CONFIG,
    env: { ...SSO, AWS_PROFILE: "dev" },
    imds: "env",
  },
  {
    id: "sso-legacy-expired",
    about: "a legacy profile whose token has expired",
    config: LEGACY_SSO,
    ssoCache: {
      [START_URL]: {
        startUrl: START_URL,
        region: "us-east-1",
        accessToken: "sso-legacy-old",
        expiresAt: "{iso:-60}",
      },
    },
    env: { ...SSO, AWS_PROFILE: "old" },
  },
  {
    id: "sso-malformed-cache",
    about: "a token cache file that is not JSON",
    config: SSO_CONFIG,
    ssoCache: { corp: '{"accessToken": "sso-secret-token", "expiresAt": ' },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-cache-missing-fields",
    about: "a token cache file without expiresAt",
    config: SSO_CONFIG,
    ssoCache: { corp: { accessToken: "sso-access-noexpiry" } },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-section-missing",
    about: "sso_session names a session with no [sso-session] section",
    config: SSO_PROFILE,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-session-without-region",
    about: "an [sso-session] section without sso_region",
    config: `${SSO_PROFILE}\n[sso-session corp]\nsso_start_url = ${START_URL}\n`,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-profile-without-role",
    about: "an SSO profile without sso_role_name",
    config: `[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n\n${SSO_SESSION}`,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-region-mismatch",
    about: "the profile's sso_region differs from its sso-session's",
    config: `${SSO_PROFILE}sso_region = us-west-2\n\n${SSO_SESSION}`,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-start-url-mismatch",
    about: "the profile's sso_start_url differs from its sso-session's",
    config: `${SSO_PROFILE}sso_start_url = https://other.awsapps.com/start\n\n${SSO_SESSION}`,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-portal-unauthorized",
    about: "the portal answers 401 (token revoked on the server)",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("denied-token", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-env-keys-and-profile",
    about: "keys in the environment and AWS_PROFILE naming an SSO profile",
    config: SSO_CONFIG,
    ssoCache: { corp: ssoToken("sso-access-valid", 3600) },
    env: { ...SSO, ...ENV_KEYS, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-services-section-endpoints",
    about: "the portal and OIDC endpoints from a [services] section instead of variables",
    config:
      `${SSO_PROFILE}services = local-sso\n\n${SSO_SESSION}\n` +
      "[services local-sso]\nsso =\n  endpoint_url = {sso}\nsso_oidc =\n  endpoint_url = {oidc}\n",
    ssoCache: { corp: ssoToken("sso-access-expired", -600) },
    env: { AWS_PROFILE: "dev" },
  },
  {
    id: "sso-quoted-session-name",
    about: "[sso-session 'my corp'] with a space in the name",
    config:
      "[profile dev]\nsso_session = my corp\nsso_account_id = 111122223333\nsso_role_name = Developer\n\n" +
      `[sso-session 'my corp']\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`,
    ssoCache: { "my corp": ssoToken("sso-access-spaced", 3600) },
    env: { ...SSO, AWS_PROFILE: "dev" },
  },
  {
    id: "sso-default-profile",
    about: "the default profile is an SSO profile",
    config: SSO_CONFIG.replace("[profile dev]", "[default]"),
    ssoCache: { corp: ssoToken("sso-access-default", 3600) },
    env: SSO,
  },
];

function loginToken(accessKeyId, expiresIn) {
  return {
    accessToken: {
      accessKeyId,
      secretAccessKey: "login-secret",
      sessionToken: "login-session-token",
      accountId: "123456789012",
      expiresAt: `{iso:+${expiresIn}}`,
    },
    tokenType: "aws_sigv4",
    refreshToken: "login-refresh-token",
    idToken: "login-id-token",
    clientId: "arn:aws:signin:::devtools/same-device",
    dpopKey: "-----BEGIN EC PRIVATE KEY-----\nnot-a-real-key\n-----END EC PRIVATE KEY-----\n",
  };
}

const LOGIN_SESSION = "arn:aws:iam::123456789012:user/alice";
const login = [
  {
    id: "login-session-valid",
    about: "a login_session profile (aws login) with valid cached credentials",
    config: `[profile console]\nlogin_session = ${LOGIN_SESSION}\nregion = us-east-1\n`,
    loginCache: { [LOGIN_SESSION]: loginToken("ASIALOGINVALID", 3600) },
    env: { AWS_PROFILE: "console" },
  },
  {
    id: "login-session-missing-cache",
    about: "a login_session profile without a cache (never logged in)",
    config: `[profile console]\nlogin_session = ${LOGIN_SESSION}\n`,
    env: { AWS_PROFILE: "console" },
  },
  {
    id: "login-session-missing-cache-on-ec2",
    about: "a login_session profile without a cache on an instance with a role",
    config: `[profile console]\nlogin_session = ${LOGIN_SESSION}\n`,
    env: { AWS_PROFILE: "console" },
    imds: "env",
  },
];

const CREDS = DEFAULT_CREDENTIALS;
const endpoints = [
  {
    id: "endpoint-url-profile",
    about: "endpoint_url in the profile",
    config: "[default]\nregion = us-east-1\nendpoint_url = https://profile-global.example.com\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-services-section",
    about: "an sts endpoint_url in a [services] section",
    config:
      "[default]\nregion = us-east-1\nservices = mine\nendpoint_url = https://profile-global.example.com\n" +
      "[services mine]\nsts =\n  endpoint_url = https://services-sts.example.com\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-env-service",
    about: "AWS_ENDPOINT_URL_STS over a [services] section",
    config:
      "[default]\nregion = us-east-1\nservices = mine\n[services mine]\nsts =\n  endpoint_url = https://services-sts.example.com\n",
    credentials: CREDS,
    env: { AWS_ENDPOINT_URL_STS: "https://env-sts.example.com" },
  },
  {
    id: "endpoint-env-global-vs-services",
    about: "AWS_ENDPOINT_URL and an sts entry in a [services] section",
    config:
      "[default]\nregion = us-east-1\nservices = mine\n[services mine]\nsts =\n  endpoint_url = https://services-sts.example.com\n",
    credentials: CREDS,
    env: { AWS_ENDPOINT_URL: "https://env-global.example.com" },
  },
  {
    id: "endpoint-env-global-vs-profile",
    about: "AWS_ENDPOINT_URL and endpoint_url in the profile",
    config: "[default]\nregion = us-east-1\nendpoint_url = https://profile-global.example.com\n",
    credentials: CREDS,
    env: { AWS_ENDPOINT_URL: "https://env-global.example.com" },
  },
  {
    id: "endpoint-services-other-service",
    about: "a [services] section with only an s3 entry",
    config:
      "[default]\nregion = us-east-1\nservices = mine\nendpoint_url = https://profile-global.example.com\n" +
      "[services mine]\ns3 =\n  endpoint_url = https://services-s3.example.com\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-ignore-env",
    about: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true",
    config: "[default]\nregion = us-east-1\nendpoint_url = https://profile-global.example.com\n",
    credentials: CREDS,
    env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true", AWS_ENDPOINT_URL_STS: "https://env-sts.example.com" },
  },
  {
    id: "endpoint-ignore-profile",
    about: "ignore_configured_endpoint_urls = true in the profile",
    config:
      "[default]\nregion = us-east-1\nignore_configured_endpoint_urls = true\nendpoint_url = https://profile-global.example.com\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-services-missing",
    about: "services names a section that does not exist",
    config:
      "[default]\nregion = us-east-1\nservices = nowhere\nendpoint_url = https://profile-global.example.com\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-fips-profile",
    about: "use_fips_endpoint = true in the profile",
    config: "[default]\nregion = us-east-2\nuse_fips_endpoint = true\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-dualstack-env",
    about: "AWS_USE_DUALSTACK_ENDPOINT=true",
    config: "[default]\nregion = eu-west-1\n",
    credentials: CREDS,
    env: { AWS_USE_DUALSTACK_ENDPOINT: "true" },
  },
  {
    id: "endpoint-sts-legacy",
    about: "sts_regional_endpoints = legacy in us-east-1",
    config: "[default]\nregion = us-east-1\nsts_regional_endpoints = legacy\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-sts-regional-env",
    about: "AWS_STS_REGIONAL_ENDPOINTS=regional in us-east-1",
    config: "[default]\nregion = us-east-1\n",
    credentials: CREDS,
    env: { AWS_STS_REGIONAL_ENDPOINTS: "regional" },
  },
  {
    id: "endpoint-china",
    about: "a China region",
    config: "[default]\nregion = cn-north-1\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-govcloud-fips",
    about: "a GovCloud region with FIPS",
    config: "[default]\nregion = us-gov-west-1\nuse_fips_endpoint = true\n",
    credentials: CREDS,
  },
  {
    id: "endpoint-region-missing",
    about: "no region anywhere",
    credentials: CREDS,
  },
  {
    id: "endpoint-profile-services-for-named",
    about: "a named profile with a [services] section; the default profile has none",
    config:
      "[default]\nregion = us-east-1\n[profile local]\nregion = us-west-2\nservices = local\n" +
      "[services local]\nsts =\n  endpoint_url = http://localhost:4566\n",
    credentials: `${CREDS}\n[local]\n${keys("AKIDCREDLOCAL")}`,
    env: { AWS_PROFILE: "local" },
  },
];

export const SCENARIOS = [
  ...parsing,
  ...selection,
  ...environment,
  ...roles,
  ...webIdentity,
  ...processes,
  ...remote,
  ...sso,
  ...login,
  ...endpoints,
];
