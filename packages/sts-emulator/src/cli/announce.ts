import type { StsEmulator } from "../emulator.js";

/** Where the CA certificate went: a file, and whether the emulator made it (and removes it). */
export interface CaFile {
  path: string;
  temporary: boolean;
}

/**
 * KEY=value lines a script can read (or `set -a; . file`): the SDKs' own variables for the
 * HTTP/1.1 endpoint, region and keys, so any AWS SDK or the AWS CLI picks them up.
 */
export function announceLines(emulator: StsEmulator, ca: CaFile | undefined): string[] {
  const lines = [
    `AWS_ENDPOINT_URL_STS=${emulator.endpoint}`,
    `AWS_REGION=${emulator.region}`,
    `AWS_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}`,
  ];
  const { h2, h2c } = emulator.endpoints;
  if (h2 !== undefined) lines.push(`STS_EMULATOR_ENDPOINT_H2=${h2}`);
  if (h2c !== undefined) lines.push(`STS_EMULATOR_ENDPOINT_H2C=${h2c}`);
  if (ca !== undefined) lines.push(`STS_EMULATOR_CA_FILE=${ca.path}`);
  return lines;
}

/** The same as one JSON object, with the CA certificate itself. */
export function announceJson(emulator: StsEmulator, ca: CaFile | undefined): string {
  return JSON.stringify({
    endpoint: emulator.endpoint,
    endpoints: emulator.endpoints,
    region: emulator.region,
    account: emulator.account,
    credentials: { ...emulator.credentials },
    ...(emulator.ca === undefined ? {} : { ca: emulator.ca }),
    ...(ca === undefined ? {} : { caFile: ca.path }),
  });
}
