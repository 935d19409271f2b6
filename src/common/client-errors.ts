import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Node's HTTP parser refuses some requests before Express or any handler sees them: headers over its
 * size limit, bytes that are not HTTP. Left to itself, Node then writes a bare `431` or `400` with no
 * body. The contract gives these the error shape too (API.md "Conventions", Hostile input: request
 * headers over the limit → 431), so the refusal is written here, in that shape.
 */
export function answerClientErrorsInErrorShape(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // The client is gone (or half-gone): nobody to answer.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const [status, reason, code, message] = tooLarge
      ? [
          431,
          'Request Header Fields Too Large',
          'HEADERS_TOO_LARGE',
          'The request headers are over the size limit',
        ]
      : [400, 'Bad Request', 'MALFORMED_REQUEST', 'The request is not valid HTTP'];
    const requestId = randomUUID();
    const body = JSON.stringify({ statusCode: status, error: reason, code, message, requestId });
    socket.end(
      [
        `HTTP/1.1 ${status} ${reason}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        `X-Request-Id: ${requestId}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
