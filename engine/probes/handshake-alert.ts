// What a TLS handshake alone shows. When a request's connection is reset, the reset may have overtaken
// the server's alert (the request bytes reach a socket the server already closed). A second connection
// that completes the handshake and sends nothing lets the alert, if any, arrive: only that is evidence of
// why the server ended the handshake.

import { connect, type ConnectionOptions } from "node:tls";

/** How long to wait after the client's side of the handshake for the server to object. */
export const ALERT_SETTLE_MS = 1_000;

// The error the server's alert raised on a handshake-only connection, or undefined when none came.
export function observeHandshakeAlert(address: string, port: number, tls: ConnectionOptions, signal: AbortSignal, settleMs = ALERT_SETTLE_MS): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ ...tls, host: address, port });
    let timer: NodeJS.Timeout | undefined;
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(error);
    };
    const onAbort = (): void => finish(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    socket.once("error", (error) => finish(error));
    socket.once("close", () => finish(undefined));
    socket.once("secureConnect", () => {
      // Read on, or the alert would sit unread in the socket.
      socket.resume();
      timer = setTimeout(() => finish(undefined), settleMs);
    });
  });
}

// True for an error that carries a TLS alert from the server (OpenSSL's ERR_SSL_..._ALERT_... codes).
export function isServerAlert(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^ERR_SSL_(?:TLSV13|TLSV1|SSLV3)_ALERT_/.test(code);
}
