import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isVirtualHostableS3Bucket, parseArn, partitionOf } from "../src/lib-aws.js";
import { getAttr, isValidHostLabel, parsePath, parseURL, substring, uriEncode } from "../src/lib-core.js";
import { awsPartition, partitions } from "../src/partition-table.js";
import type { PartitionsData } from "../src/types.js";

describe("substring", () => {
  it("takes a range from the start or, reversed, from the end", () => {
    expect(substring("abcdef", 0, 4, false)).toBe("abcd");
    expect(substring("abcdef", 0, 4, true)).toBe("cdef");
  });

  it("is unset for a range that does not fit or non-ASCII input", () => {
    expect(substring("abc", 0, 4, false)).toBeUndefined();
    expect(substring("abc", 2, 2, false)).toBeUndefined();
    expect(substring("abcé", 0, 2, false)).toBeUndefined();
  });
});

describe("uriEncode", () => {
  it("leaves only unreserved characters and round-trips", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        const encoded = uriEncode(value);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(value);
      }),
    );
  });
});

describe("getAttr", () => {
  it("walks names and indexes", () => {
    const value = { a: { b: ["x", "y"] } };
    expect(getAttr(value, parsePath("a.b[1]"))).toBe("y");
    expect(getAttr(value, parsePath("a.b[2]"))).toBeUndefined();
    expect(getAttr(value, parsePath("a.c.d"))).toBeUndefined();
  });
});

describe("parseURL", () => {
  it("splits scheme, authority and path, keeping an empty path empty", () => {
    expect(parseURL("https://example.com:8443")).toEqual({
      scheme: "https",
      authority: "example.com:8443",
      path: "",
      normalizedPath: "/",
      isIp: false,
    });
    expect(parseURL("http://127.0.0.1/a/b")).toMatchObject({
      path: "/a/b",
      normalizedPath: "/a/b/",
      isIp: true,
    });
    expect(parseURL("http://[::1]:80/")?.isIp).toBe(true);
  });

  it("is unset for a query, another scheme or a malformed URL", () => {
    expect(parseURL("https://example.com/?a=b")).toBeUndefined();
    expect(parseURL("ftp://example.com")).toBeUndefined();
    expect(parseURL("https://exa mple.com")).toBeUndefined();
  });
});

describe("host labels", () => {
  it("accepts any RFC 1123 label and rejects a leading or trailing hyphen", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/), (label) => {
        expect(isValidHostLabel(label, false)).toBe(true);
        expect(isValidHostLabel(`-${label}`, false)).toBe(false);
        expect(isValidHostLabel(`${label}-`, false)).toBe(false);
      }),
    );
    expect(isValidHostLabel("a.b", false)).toBe(false);
    expect(isValidHostLabel("a.b", true)).toBe(true);
  });

  it("accepts lower-case virtual-hostable bucket names only", () => {
    expect(isVirtualHostableS3Bucket("my-bucket", false)).toBe(true);
    expect(isVirtualHostableS3Bucket("My-Bucket", false)).toBe(false);
    expect(isVirtualHostableS3Bucket("ab", false)).toBe(false);
    expect(isVirtualHostableS3Bucket("192.168.0.1", true)).toBe(false);
    expect(isVirtualHostableS3Bucket("my.bucket", false)).toBe(false);
    expect(isVirtualHostableS3Bucket("abc.bucket", true)).toBe(true);
  });
});

describe("aws.parseArn", () => {
  it("splits the resource on colons and slashes", () => {
    expect(parseArn("arn:aws:s3:us-west-2:123456789012:accesspoint:my/ap")).toEqual({
      partition: "aws",
      service: "s3",
      region: "us-west-2",
      accountId: "123456789012",
      resourceId: ["accesspoint", "my", "ap"],
    });
  });

  it("is unset when a required part is missing", () => {
    expect(parseArn("arn:aws:s3:us-west-2:123456789012")).toBeUndefined();
    expect(parseArn("arn::s3:::bucket")).toBeUndefined();
    expect(parseArn("urn:aws:s3:::bucket")).toBeUndefined();
    expect(parseArn("arn:aws:s3:::bucket")?.resourceId).toEqual(["bucket"]);
  });
});

describe("aws.partition", () => {
  it("matches a known region, then a region pattern, then falls back to aws", () => {
    expect(partitionOf("cn-north-1", partitions)?.dnsSuffix).toBe("amazonaws.com.cn");
    expect(partitionOf("us-gov-west-9", partitions)?.name).toBe("aws-us-gov");
    expect(partitionOf("mars-central-1", partitions)?.name).toBe("aws");
  });
});

describe("the bundled partition table", () => {
  const source = JSON.parse(
    readFileSync(new URL("./vectors/partitions.json", import.meta.url), "utf8"),
  ) as PartitionsData;
  const regions = source.partitions.flatMap((p) => Object.keys(p.regions));
  const unknown = ["us-gov-west-9", "cn-south-7", "eusc-de-west-3", "eu-isoe-north-2", "mars-central-1", ""];

  it("answers aws.partition as the vendored partitions.json does, for every known and unknown region", () => {
    for (const region of [...regions, ...unknown]) {
      expect(awsPartition(region), region).toEqual(partitionOf(region, source));
    }
    expect(awsPartition(undefined)).toBeUndefined();
  });

  it("gives the same answers through the exported partitions data", () => {
    expect(partitions.partitions.map((p) => [p.id, p.regionRegex, p.outputs])).toEqual(
      source.partitions.map((p) => [p.id, p.regionRegex, p.outputs]),
    );
    for (const region of [...regions, ...unknown]) {
      expect(partitionOf(region, partitions), region).toEqual(partitionOf(region, source));
    }
  });
});
