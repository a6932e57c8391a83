import 'server-only';
import http from 'node:http';

/** The header that carries the connection's own address to route handlers (server/public/client-address.ts). */
export const peerAddressHeader = 'x-hrd-peer-address';

const installed = Symbol.for('hrd.peer-address-stamp');

/**
 * Route handlers in Next.js see headers, not the connection: `next start` copies the peer's address
 * into X-Forwarded-For only when the client sent none, so a client can name any address it likes.
 * This stamps every incoming request, before Next.js reads it, with the address of the socket,
 * overwriting whatever a client wrote under the same name. Installed once per process by instrumentation.ts.
 */
export function stampPeerAddresses(): void {
  const proto = http.Server.prototype as unknown as Record<PropertyKey, unknown> & { emit: (...args: unknown[]) => boolean };
  if (proto[installed]) return;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[peerAddressHeader] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
  proto[installed] = true;
}
