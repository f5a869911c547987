import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.js";
import { checkOptions, parseArgv } from "../src/parse-argv.js";

function usage(argv: string[]): CliError {
  try {
    parseArgv(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe("usage");
    return error as CliError;
  }
  throw new Error(`parseArgv(${JSON.stringify(argv)}) did not fail`);
}

describe("parseArgv", () => {
  it("reads the command and its options in both spellings", () => {
    const parsed = parseArgv(["assume-role", "--role-arn", "arn:aws:iam::1:role/x", "--format=env"]);
    expect(parsed.command?.name).toBe("assume-role");
    expect(parsed.options).toEqual({ "role-arn": "arn:aws:iam::1:role/x", format: "env" });
  });

  it("accepts global options before and after the command", () => {
    const parsed = parseArgv(["--profile", "dev", "whoami", "--region", "eu-west-1", "--debug"]);
    expect(parsed.command?.name).toBe("whoami");
    expect(parsed.options).toEqual({ profile: "dev", region: "eu-west-1", debug: true });
  });

  it("reads -h, --help and `help <command>` as a request for help", () => {
    expect(parseArgv(["-h"]).options.help).toBe(true);
    expect(parseArgv(["eks-token", "--help"]).options.help).toBe(true);
    const viaWord = parseArgv(["help", "eks-token"]);
    expect(viaWord.command?.name).toBe("eks-token");
    expect(viaWord.options.help).toBe(true);
  });

  it("rejects an unknown command, naming it", () => {
    expect(usage(["whoamii"]).message).toBe("unknown command 'whoamii'");
  });

  it("rejects a command option given before the command, and an unknown option after it", () => {
    expect(usage(["--role-arn", "x", "assume-role"]).message).toMatch(
      /unknown option --role-arn for 'lanyard'/,
    );
    const error = usage(["whoami", "--role-arn", "x"]);
    expect(error.message).toBe("unknown option --role-arn for 'lanyard whoami'");
    expect(error.hint).toBe("run 'lanyard whoami --help' for usage");
  });

  it("rejects a missing value, also when the next token is another option", () => {
    expect(usage(["assume-role", "--role-arn"]).message).toBe("--role-arn needs a value (ARN)");
    expect(usage(["assume-role", "--role-arn", "--format", "env"]).message).toBe(
      "--role-arn needs a value (ARN)",
    );
    expect(usage(["assume-role", "--role-arn="]).message).toBe("--role-arn needs a value (ARN)");
  });

  it("rejects a value given to a flag, a repeated option and a stray argument", () => {
    expect(usage(["credential-process", "--no-cache=yes"]).message).toBe("--no-cache takes no value");
    expect(usage(["--profile", "a", "whoami", "--profile", "b"]).message).toBe(
      "--profile is given more than once",
    );
    expect(usage(["whoami", "extra"]).message).toBe("unexpected argument 'extra' for 'lanyard whoami'");
  });

  it("keeps any value given with = as it is, and the next token after a space", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((value) => !value.startsWith("--")),
        (value) => {
          expect(parseArgv(["whoami", `--profile=${value}`]).options.profile).toBe(value);
          expect(parseArgv(["whoami", "--profile", value]).options.profile).toBe(value);
        },
      ),
    );
  });

  it("rejects every unknown long option as a usage error", () => {
    const known = new Set(["profile", "region", "endpoint-url", "debug", "help", "version", "output"]);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z-]{0,15}$/).filter((name) => !known.has(name)),
        (name) => {
          expect(usage(["whoami", `--${name}`]).message).toBe(
            `unknown option --${name} for 'lanyard whoami'`,
          );
        },
      ),
    );
  });
});

describe("checkOptions", () => {
  it("requires the required options and checks choices", () => {
    const assumeRole = parseArgv(["assume-role"]).command!;
    expect(() => checkOptions(assumeRole, {})).toThrow("--role-arn is required");
    expect(() => checkOptions(assumeRole, { "role-arn": "arn", format: "yaml" })).toThrow(
      "--format must be one of json, env, credential-process (got 'yaml')",
    );
    expect(() => checkOptions(assumeRole, { "role-arn": "arn", format: "env" })).not.toThrow();
  });
});
