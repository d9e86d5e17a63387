// `kubectl exec <pod> -c <container> -- curl ... localhost:<port><path>` performed against the stand-in of
// that pod: the same method, headers and body, to the stand-in's port (catalog's blowup control).

import { request as httpRequest } from "node:http";
import { TwinError } from "../harness/twin-error.js";

/** The parts of a curl command line the labs use: -X, -H, -d and one URL on localhost. */
export interface CurlCall {
  method: string;
  headers: Record<string, string>;
  body?: string;
  path: string;
}

// Parses the command; anything but curl to localhost is refused (the twin does not run it).
export function parsePodCurl(command: readonly string[]): CurlCall {
  if (command[0] !== "curl") throw new TwinError(`the twin only performs curl inside pods, not: ${command.join(" ")}`);
  const call: CurlCall = { method: "GET", headers: {}, path: "/" };
  for (let index = 1; index < command.length; index += 1) {
    const arg = command[index] ?? "";
    const value = command[index + 1] ?? "";
    if (arg === "-X") call.method = value;
    else if (arg === "-H") call.headers[value.split(":")[0]?.trim().toLowerCase() ?? ""] = value.slice(value.indexOf(":") + 1).trim();
    else if (arg === "-d") call.body = value;
    else if (arg === "-s") continue;
    else if (/^(http:\/\/)?localhost:\d+\//.test(arg)) {
      call.path = arg.replace(/^(http:\/\/)?localhost:\d+/, "");
      continue;
    } else throw new TwinError(`unsupported curl argument ${arg} in: ${command.join(" ")}`);
    index += 1;
  }
  if (call.body !== undefined && call.method === "GET") call.method = "POST";
  return call;
}

// Sends the call to 127.0.0.1:`port` and resolves with the body.
export function performPodCurl(port: number, call: CurlCall): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers = { ...call.headers, ...(call.body === undefined ? {} : { "content-length": String(Buffer.byteLength(call.body)) }) };
    const request = httpRequest({ host: "127.0.0.1", port, method: call.method, path: call.path, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => resolve(body));
    });
    request.on("error", reject);
    request.end(call.body);
  });
}
