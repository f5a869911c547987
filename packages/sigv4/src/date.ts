import { invalid } from "./errors.js";

export interface SigningTime {
  /** ISO 8601 basic format, `YYYYMMDDTHHMMSSZ`, as `X-Amz-Date` carries it. */
  amzDate: string;
  /** `YYYYMMDD`, the credential scope's date. */
  shortDate: string;
}

// A busy client signs thousands of requests within one second, all with the same timestamp:
// formatting (toISOString and a regex) was ~13% of a signature, so the last second's is reused.
let lastSecond = Number.NaN;
let lastAmzDate = "";

/** Formats a signing time; rejects an invalid `Date` or one outside years 1970 … 9999. */
export function signingTime(date: Date): SigningTime {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  // Beyond 9999 toISOString gives a six-digit year, which the format cannot carry.
  if (!(ms >= 0 && ms < 253402300800000)) {
    throw invalid("invalid-date", "Invalid signing date", "a valid Date between 1970-01-01 and 9999-12-31");
  }
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    // 2015-08-30T12:36:00.000Z → 20150830T123600Z
    lastAmzDate = date.toISOString().replace(/[-:]|\.\d+/g, "");
    lastSecond = second;
  }
  return { amzDate: lastAmzDate, shortDate: lastAmzDate.slice(0, 8) };
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses an `X-Amz-Date` value (`YYYYMMDDTHHMMSSZ`) into a Date. */
export function parseAmzDate(value: string): Date {
  const m = AMZ_DATE.exec(value);
  const date = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || signingTime(date).amzDate !== value) {
    throw invalid("invalid-date", `Invalid X-Amz-Date "${value}"`, "YYYYMMDDTHHMMSSZ in UTC");
  }
  return date;
}
