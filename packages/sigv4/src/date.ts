import { SigV4Error } from "./errors.js";

export interface SigningTime {
  /** ISO 8601 basic format, `YYYYMMDDTHHMMSSZ`, as `X-Amz-Date` carries it. */
  amzDate: string;
  /** `YYYYMMDD`, the credential scope's date. */
  shortDate: string;
}

// Most signatures in a burst fall in the same second: reuse its formatting (a pure memo).
let lastSecond = -1;
let lastTime: SigningTime = { amzDate: "", shortDate: "" };

/** Formats a signing time; rejects an invalid `Date` or one outside years 1970 … 9999. */
export function signingTime(date: Date): SigningTime {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Math.floor(ms / 1000) === lastSecond) return lastTime;
  if (!(ms >= 0 && ms < 253402300800000)) {
    throw new SigV4Error(
      "invalid-date",
      "Invalid signing date: expected a valid Date between 1970-01-01 and 9999-12-31.",
    );
  }
  const iso = date.toISOString();
  const shortDate = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  lastTime = {
    shortDate,
    amzDate: `${shortDate}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`,
  };
  lastSecond = Math.floor(ms / 1000);
  return lastTime;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses an `X-Amz-Date` value (`YYYYMMDDTHHMMSSZ`) into a Date. */
export function parseAmzDate(value: string): Date {
  const m = AMZ_DATE.exec(value);
  const date = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || signingTime(date).amzDate !== value) {
    throw new SigV4Error("invalid-date", `Invalid X-Amz-Date "${value}": expected YYYYMMDDTHHMMSSZ in UTC.`);
  }
  return date;
}
