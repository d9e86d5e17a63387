// catalog as the book's image answers (json-server with its blowup middleware): /items and /items/<id>, v2
// (SHOW_IMAGE) adds imageUrl; POST /blowup stores a 500 fault for a share of /items calls; every request
// is logged as `GET <Host> <path> <status> ...`, the line the labs' log checks read.

import type { IncomingMessage, ServerResponse } from "node:http";
import { startTestServer, type TestServer } from "../../../engine/execute/helpers/test-server.js";

const ITEMS = [
  { id: 1, color: "amber", department: "Eyewear", name: "Elinor Glasses", price: "282.00" },
  { id: 2, color: "cyan", department: "Clothing", name: "Atlas Shirt", price: "127.00" },
];
const IMAGE_URL = "http://lorempixel.com/640/480";

/** A stored blowup, as GET /blowup prints it: {"500": {active, type, percentage}}. */
type Blowups = Record<string, { active: boolean; type: string; percentage?: number }>;

export interface CatalogStandIn {
  server: TestServer;
  /** The log lines since start. */
  log(): string;
  close(): Promise<void>;
}

// Starts catalog `version` ("v2" shows images); `random` decides blowups (Math.random by default).
export async function startCatalogStandIn(version: string, random: () => number = Math.random): Promise<CatalogStandIn> {
  const lines: string[] = [];
  let blowups: Blowups = {};
  const items = ITEMS.map((item) => (version === "v2" ? { ...item, imageUrl: IMAGE_URL } : item));

  const answer = (request: IncomingMessage, response: ServerResponse, status: number, body: string): void => {
    lines.push(`${request.method ?? "GET"} ${request.headers.host ?? "-"} ${request.url ?? "/"} ${status} ${Buffer.byteLength(body)} - 0.500 ms`);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    response.end(body);
  };

  const server = await startTestServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path === "/blowup") {
      if (request.method !== "POST") return answer(request, response, 200, JSON.stringify(blowups));
      let text = "";
      request.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      request.on("end", () => {
        const blowup = JSON.parse(text) as Blowups[string];
        blowups = { ...blowups, [blowup.type]: blowup };
        answer(request, response, 200, JSON.stringify(blowups));
      });
      return;
    }
    const fault = blowups["500"];
    // The image's rule: Math.floor(random*100) <= percentage fails, so 50 fails 51% of calls.
    if (path.startsWith("/items") && fault?.active === true && Math.floor(random() * 100) <= (fault.percentage ?? 100)) return answer(request, response, 500, "");
    if (path === "/items") return answer(request, response, 200, JSON.stringify(items));
    const item = items.find((candidate) => `/items/${candidate.id}` === path);
    if (item !== undefined) return answer(request, response, 200, JSON.stringify(item));
    answer(request, response, 404, "{}");
  });
  return { server, log: () => lines.map((line) => `${line}\n`).join(""), close: () => server.close() };
}
