"""Resolves one scenario with botocore and prints the outcome as JSON.

Run by generate.mjs in a fresh process per scenario (botocore reads HOME when it is
imported), with HOME and the AWS_* variables of the scenario:
    python3 botocore_driver.py [profile]
"""

import json
import re
import sys

import botocore.session
from botocore import exceptions

PROFILE = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None

SOURCES = {
    "env": "env",
    "shared-credentials-file": "profile",
    "config-file": "profile",
    "assume-role": "assume-role",
    "assume-role-with-web-identity": "assume-role-with-web-identity",
    "sso": "sso",
    "custom-process": "process",
    "container-role": "container",
    "iam-role": "imds",
    "login": "login",
}

CATEGORIES = [
    (exceptions.ProfileNotFound, "profile-not-found"),
    (exceptions.InfiniteLoopConfigError, "profile-cycle"),
    (exceptions.PartialCredentialsError, "partial-credentials"),
    (exceptions.ConfigParseError, "config-parse"),
    (exceptions.NoRegionError, "region-missing"),
    (exceptions.UnauthorizedSSOTokenError, "sso-token"),
    (exceptions.SSOTokenLoadError, "sso-token"),
    (exceptions.TokenRetrievalError, "sso-token"),
    (exceptions.NoCredentialsError, "no-credentials"),
]


def category(error):
    if type(error).__name__ == "MissingDependencyException":
        return "unsupported"
    message = str(error)
    if isinstance(error, exceptions.ClientError) and "Unauthorized" in message:
        return "sso-denied"
    if isinstance(error, exceptions.InvalidConfigError) and re.search(r"sso|SSO", message):
        return "sso-config"
    if isinstance(error, exceptions.CredentialRetrievalError) and "process" in message:
        return "process-failed"
    if isinstance(error, exceptions.CredentialRetrievalError) and "credential_source" in message:
        return "credential-source-failed"
    if type(error).__name__ == "JSONDecodeError":
        return "process-failed"
    if isinstance(error, FileNotFoundError):
        return "file-unreadable"
    if isinstance(error, KeyError):
        return "sso-token"
    if "still expired" in message:
        return "expired"
    if type(error).__name__ == "InvalidRegionError":
        return "invalid-region"
    for cls, name in CATEGORIES:
        if isinstance(error, cls):
            return name
    if "login" in message.lower():
        return "login-token"
    if "MFA" in message or "mfa" in message:
        return "mfa-required"
    if isinstance(error, (exceptions.InvalidConfigError, exceptions.UnknownCredentialError)):
        return "invalid-config"
    return "other: " + (type(error).__name__ + ": " + message)[:100]


def no_mfa_prompt(*_args, **_kwargs):
    raise exceptions.CredentialRetrievalError(provider="assume-role", error_msg="MFA code needed")


def credentials(session):
    try:
        resolver = session.get_component("credential_provider")
        assume_role = resolver.get_provider("assume-role")
        assume_role._prompter = no_mfa_prompt
        creds = session.get_credentials()
        if creds is None:
            return {"error": "no-credentials"}
        frozen = creds.get_frozen_credentials()
        source = SOURCES.get(creds.method, "unknown: " + str(creds.method))
        if source == "assume-role-with-web-identity":
            source = "web-identity"
        return {"accessKeyId": frozen.access_key, "source": source, "sessionToken": bool(frozen.token)}
    except Exception as error:  # noqa: BLE001 - every failure is an outcome to record
        return {"error": category(error)}


def region(session):
    try:
        return session.get_config_variable("region")
    except Exception as error:  # noqa: BLE001
        return {"error": category(error)}


class Captured(Exception):
    def __init__(self, url):
        super().__init__("captured")
        self.url = url


def capture(request, **_kwargs):
    raise Captured(request.url)


def endpoint(session):
    try:
        client = session.create_client(
            "sts", aws_access_key_id="AKIDDUMMY", aws_secret_access_key="dummy"
        )
        client.meta.events.register("before-send.sts.*", capture)
        client.get_caller_identity()
        return {"error": "sent"}
    except Captured as captured:
        return captured.url
    except Exception as error:  # noqa: BLE001
        return {"error": category(error)}


def main():
    session = botocore.session.Session(profile=PROFILE)
    result = {
        "region": region(session),
        "credentials": credentials(botocore.session.Session(profile=PROFILE)),
        "endpoint": endpoint(botocore.session.Session(profile=PROFILE)),
    }
    sys.stdout.write(json.dumps(result))


main()
