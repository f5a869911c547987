import { createHash } from "node:crypto";
import { parseXml, type XmlElement } from "@lanyard/xml-codec";
import { type ErrorAnswer, modeledError, validationError } from "../answer.js";
import { parseArn } from "../identity/arn.js";
import { roleSession } from "../identity/principal.js";
import { ROLE_SESSION_SECONDS, roleSessionOutput } from "./assume-role.js";
import { fail, integer, type OperationContext, type Outcome } from "./context.js";
import { isError, targetRole } from "./role.js";
import { sessionPolicy } from "./session-policy.js";

// Attributes AWS reads from a SAML assertion (IAM User Guide, "Configure SAML assertions for
// the authentication response").
const ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/";
const NAME_ID_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
const AWS_SAML_AUDIENCE = "https://signin.aws.amazon.com/saml";

const invalidToken = (message: string): ErrorAnswer => modeledError("InvalidIdentityTokenException", message);

function* elements(root: XmlElement, name: string): Generator<XmlElement> {
  if (root.name === name) yield root;
  for (const child of root.children) yield* elements(child, name);
}

const first = (root: XmlElement, name: string): XmlElement | undefined => elements(root, name).next().value;

function attribute(root: XmlElement, name: string): string | undefined {
  for (const element of elements(root, "Attribute")) {
    if (element.attributes.Name === `${ATTRIBUTE}${name}`)
      return first(element, "AttributeValue")?.text.trim();
  }
  return undefined;
}

function readAssertion(encoded: string): XmlElement | ErrorAnswer {
  const compact = encoded.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return invalidToken("Invalid base64 SAMLResponse");
  try {
    return parseXml(Buffer.from(compact, "base64").toString("utf8"));
  } catch {
    return invalidToken("The SAML response is not well-formed XML");
  }
}

/** The SAML provider a PrincipalArn names: `arn:aws:iam::<account>:saml-provider/<name>`. */
function samlProvider(principalArn: string): { account: string; name: string } | undefined {
  const arn = parseArn(principalArn);
  if (arn?.service !== "iam" || !arn.resource.startsWith("saml-provider/")) return undefined;
  return { account: arn.account, name: arn.resource.slice("saml-provider/".length) };
}

/** AssumeRoleWithSAML's description of the subject; NameQualifier is BASE64(SHA1(issuer + account + "/" + provider)). */
function subjectOutput(
  root: XmlElement,
  provider: { account: string; name: string },
): Record<string, unknown> {
  const nameId = first(root, "NameID");
  const format = nameId?.attributes.Format;
  const issuer = first(root, "Issuer")?.text.trim() ?? "";
  const qualifier = createHash("sha1")
    .update(`${issuer}${provider.account}/${provider.name}`)
    .digest("base64");
  return {
    Subject: nameId?.text.trim(),
    SubjectType: format?.startsWith(NAME_ID_FORMAT) ? format.slice(NAME_ID_FORMAT.length) : format,
    Issuer: issuer,
    Audience: first(root, "Audience")?.text.trim() ?? AWS_SAML_AUDIENCE,
    NameQualifier: qualifier,
    SourceIdentity: attribute(root, "SourceIdentity"),
  };
}

/**
 * AssumeRoleWithSAML: a role session named by the assertion's RoleSessionName attribute.
 * The assertion's XML signature and conditions are not checked.
 */
export function assumeRoleWithSAML(context: OperationContext): Outcome {
  const { input, now, store } = context;
  const role = targetRole(String(input.RoleArn));
  if (isError(role)) return fail(role);
  const provider = samlProvider(String(input.PrincipalArn));
  if (provider === undefined) return fail(validationError("Request ARN is invalid"));
  const root = readAssertion(String(input.SAMLAssertion));
  if (isError(root)) return fail(root);
  const sessionName = attribute(root, "RoleSessionName");
  if (!sessionName)
    return fail(invalidToken(`The SAML assertion has no ${ATTRIBUTE}RoleSessionName attribute`));
  const policy = sessionPolicy(input);
  if ("error" in policy) return policy;
  const fromAssertion = attribute(root, "SessionDuration");
  const assertionSeconds = fromAssertion && /^\d+$/.test(fromAssertion) ? Number(fromAssertion) : undefined;
  const duration = integer(input.DurationSeconds) ?? assertionSeconds ?? ROLE_SESSION_SECONDS;
  const principal = roleSession(role, sessionName);
  const credentials = store.issue(principal, duration, now);
  return {
    output: { ...roleSessionOutput(principal, credentials, policy.size), ...subjectOutput(root, provider) },
  };
}
