import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ListShape,
  parseError,
  parseResponse,
  QueryProtocolError,
  type StructureShape,
  serialize,
} from "../src/index.js";
import { valueFor } from "./arbitraries.js";
import { formToValue, valueToXml } from "./codec-support.js";
import { loadStsModel } from "./support.js";

const sts = loadStsModel();
const operations = Object.values(sts.operations);

function formMap(body: string): Map<string, string> {
  return new Map(
    body.split("&").map((pair) => {
      const [key = "", value = ""] = pair.split("=");
      return [decodeURIComponent(key), decodeURIComponent(value)];
    }),
  );
}

// A list the service sends as `<Tags/>` reads back as [], so absent and empty compare equal.
function withoutEmptyLists(value: unknown, shapeName: string): unknown {
  const shape = sts.shapes[shapeName];
  if (shape?.type === "structure") {
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries((shape as StructureShape).members)) {
      const v = (value as Record<string, unknown>)[name];
      if (v !== undefined) out[name] = withoutEmptyLists(v, member.shape);
    }
    return out;
  }
  if (shape?.type === "list") {
    return (value as unknown[]).map((item) => withoutEmptyLists(item, (shape as ListShape).member.shape));
  }
  return value;
}

describe("round trips over the STS shapes", () => {
  it.each(operations.filter((op) => op.input !== undefined))(
    "serializes $name input losslessly",
    (operation) => {
      const inputShape = operation.input?.shape ?? "";
      fc.assert(
        fc.property(valueFor(inputShape, sts.shapes), (input) => {
          const body = serialize(operation.name, input as Record<string, unknown>, sts);
          const pairs = formMap(body);
          expect(pairs.get("Action")).toBe(operation.name);
          expect(pairs.get("Version")).toBe("2011-06-15");
          expect(formToValue(pairs, "", inputShape, sts.shapes)).toEqual(input);
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(operations.filter((op) => op.output !== undefined))(
    "parses $name output losslessly",
    (operation) => {
      const outputShape = operation.output?.shape ?? "";
      const wrapper = operation.output?.resultWrapper ?? `${operation.name}Result`;
      fc.assert(
        fc.property(valueFor(outputShape, sts.shapes), fc.uuid(), (output, requestId) => {
          const xml =
            `<${operation.name}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
            `<${wrapper}>${valueToXml(output, outputShape, sts.shapes)}</${wrapper}>` +
            `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation.name}Response>`;
          const parsed = parseResponse(operation.name, xml, sts);
          expect(parsed.requestId).toBe(requestId);
          expect(withoutEmptyLists(parsed.output, outputShape)).toEqual(
            withoutEmptyLists(output, outputShape),
          );
        }),
        { numRuns: 60 },
      );
    },
  );
});

describe("hostile bodies", () => {
  const body = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          "<ErrorResponse>",
          "<Error>",
          "</Error>",
          "<Code>",
          "</Code>",
          "&amp;",
          "&x;",
          "<!DOCTYPE",
          "x",
          "<",
          ">",
        ),
        {
          maxLength: 30,
        },
      )
      .map((parts) => parts.join("")),
  );

  it("parseError never throws, whatever the body", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), body, (status, raw) => {
        const error = parseError(status, raw, sts);
        expect(error.status).toBe(status);
        expect(typeof error.code).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("parseResponse throws nothing but QueryProtocolError", () => {
    fc.assert(
      fc.property(body, (raw) => {
        try {
          parseResponse("AssumeRole", raw, sts);
        } catch (error) {
          expect(error).toBeInstanceOf(QueryProtocolError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
