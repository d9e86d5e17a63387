import { Writable } from "node:stream";

// A stream that keeps everything written to it; `finished` resolves with the text once it ends.
export function collectText(): { stream: Writable; finished: Promise<string> } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      callback();
    },
  });
  const finished = new Promise<string>((resolve, reject) => {
    stream.on("finish", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
  return { stream, finished };
}
