// A raw TCP (or TLS over TCP) conversation: read the banner, send one line, read its echo.

import { connect as netConnect, type Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import type { TcpRequestSpec } from "../lab-types.js";
import type { TcpProbeResult } from "./probe-types.js";
import type { TlsClientOptions } from "./tls-client-options.js";
import { describePeerCertificate } from "./presented-certificate.js";

/** How long to wait for a silent server before deciding it has no banner / no echo. */
export interface TcpTimings {
  /** The first byte of a banner must arrive within this time (else the banner is empty). */
  firstByteMs: number;
  /** A read ends after this much silence once some data arrived. */
  quietMs: number;
}

export const DEFAULT_TCP_TIMINGS: TcpTimings = { firstByteMs: 1_000, quietMs: 200 };

export interface TcpExchangeContext {
  address: string;
  tls?: TlsClientOptions;
  signal: AbortSignal;
  timings?: TcpTimings;
}

// Buffers incoming data and lets the exchange wait for "enough" of it.
class SocketReader {
  private text = "";
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(socket: Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => this.push(() => (this.text += chunk)));
    socket.on("end", () => this.push(() => (this.ended = true)));
    socket.on("close", () => this.push(() => (this.ended = true)));
    socket.on("error", (error: Error) => this.push(() => (this.failure = error)));
  }

  private push(update: () => void): void {
    update();
    this.wake?.();
  }

  // Waits until `done(text)` holds, the peer closes, or the quiet rule ends the read; returns the text and resets.
  async read(timings: TcpTimings, signal: AbortSignal, done: (text: string) => boolean = () => false): Promise<string> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (signal.aborted) throw signal.reason;
      if (this.ended || (this.text !== "" && done(this.text))) break;
      const waitMs = this.text === "" ? timings.firstByteMs : timings.quietMs;
      const before = this.text.length;
      const woke = await this.waitForEvent(waitMs, signal);
      if (!woke && this.text.length === before) break;
    }
    const text = this.text;
    this.text = "";
    return text;
  }

  private waitForEvent(ms: number, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (woke: boolean): void => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.wake = undefined;
        resolve(woke);
      };
      const onAbort = (): void => finish(true);
      // An infinite wait ends only by data, close or the probe's deadline.
      const timer = Number.isFinite(ms) ? setTimeout(() => finish(false), ms) : undefined;
      signal.addEventListener("abort", onAbort, { once: true });
      this.wake = () => finish(true);
    });
  }
}

// Opens the connection (TLS when asked) and resolves once it is ready to talk.
function openSocket(spec: TcpRequestSpec, context: TcpExchangeContext): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket =
      context.tls === undefined
        ? netConnect({ host: context.address, port: spec.port })
        : tlsConnect({ host: context.address, port: spec.port, ...context.tls });
    const onAbort = (): void => {
      socket.destroy();
      reject(context.signal.reason);
    };
    if (context.signal.aborted) return onAbort();
    context.signal.addEventListener("abort", onAbort, { once: true });
    socket.once("error", (error) => {
      context.signal.removeEventListener("abort", onAbort);
      reject(error);
    });
    socket.once(context.tls === undefined ? "connect" : "secureConnect", () => {
      context.signal.removeEventListener("abort", onAbort);
      resolve(socket);
    });
  });
}

// Connects, reads the banner, sends `spec.send` plus a newline and reads the echo; always closes the socket.
export async function exchangeTcp(spec: TcpRequestSpec, context: TcpExchangeContext): Promise<TcpProbeResult> {
  const timings = context.timings ?? DEFAULT_TCP_TIMINGS;
  const socket = await openSocket(spec, context);
  try {
    const certificate = context.tls === undefined ? undefined : describePeerCertificate((socket as TLSSocket).getPeerCertificate());
    const reader = new SocketReader(socket);
    const banner = await reader.read(timings, context.signal);
    let echo = "";
    if (spec.send !== undefined) {
      const line = spec.send;
      socket.write(line.endsWith("\n") ? line : `${line}\n`);
      const sent = line.trimEnd();
      echo = await reader.read({ ...timings, firstByteMs: Number.POSITIVE_INFINITY }, context.signal, (text) => text.includes(sent) && text.endsWith("\n"));
    }
    return { banner, echo, ...(certificate === undefined ? {} : { certificate }) };
  } finally {
    socket.destroy();
  }
}
