import { describe, expect, it } from "vitest";
import { curlFailure, parseCurlOutput } from "../../../engine/probes/curl-output.js";

const MARKER = "__m__";

describe("parseCurlOutput", () => {
  it("splits headers and body, skipping a 100 Continue block", () => {
    const stdout =
      "HTTP/1.1 100 Continue\r\n\r\n" +
      "HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n" +
      "line one\n\nline three" +
      `\n${MARKER}201\n`;
    const result = parseCurlOutput(stdout, MARKER);
    expect(result.status).toBe(201);
    expect(result.headers).toEqual({ "content-type": "text/plain", "set-cookie": "a=1, b=2" });
    expect(result.body).toBe("line one\n\nline three");
    expect(result.certificate).toBeUndefined();
  });

  it("reads HTTP/2 responses and empty bodies", () => {
    const result = parseCurlOutput(`HTTP/2 404 \r\nserver: istio-envoy\r\n\r\n\n${MARKER}404\n`, MARKER);
    expect(result.status).toBe(404);
    expect(result.headers["server"]).toBe("istio-envoy");
    expect(result.body).toBe("");
  });
});

describe("curlFailure", () => {
  const target = { address: "127.0.0.1", port: 30005, serverName: "webapp.istioinaction.io" };
  it("names the curl error line, not the trailing advice", () => {
    const error = curlFailure(
      { command: "curl", exitCode: 60, stdout: "", stderr: "curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\nhow to fix it.\n" },
      target,
    );
    expect(error.message).toBe(
      "TLS handshake with webapp.istioinaction.io on 127.0.0.1:30005 failed: certificate verification failed: curl: (60) SSL certificate problem: unable to get local issuer certificate (CURL_EXIT_60)",
    );
  });

  it("maps timeouts", () => {
    const error = curlFailure({ command: "curl", exitCode: 28, stdout: "", stderr: "curl: (28) Operation timed out after 5000 milliseconds\n" }, target);
    expect(error.code).toBe("ETIMEDOUT");
  });
});
