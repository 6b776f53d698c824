// Requests over a real socket, as an attacker sends them: `inject` normalises the request target,
// Node's client puts `path` on the request line verbatim.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type { TestApp } from './app.js';

export interface SocketAnswer {
  status: number;
  type: string;
  setCookies: string[];
  body: string;
}

/** Starts the test app listening on a free loopback port and returns the port. */
export async function listenOnLoopback(t: TestApp): Promise<number> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return (t.app.server.address() as AddressInfo).port;
}

export function sendRaw(port: number, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<SocketAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), setCookies: res.headers['set-cookie'] ?? [], body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A request whose body is streamed, as a browser uploads a file: the answer counts once the whole
 * body was sent and the answer read, and a connection reset or a broken pipe before that fails the
 * request, as it fails a browser's upload with a network error (the server answered and closed
 * before it read the body).
 */
export function sendStream(port: number, method: string, target: string, headers: Record<string, string>, body: Readable): Promise<SocketAnswer> {
  return new Promise((resolve, reject) => {
    let answer: SocketAnswer | null = null;
    let sent = false;
    const settle = () => answer && sent && resolve(answer);
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        answer = { status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), setCookies: res.headers['set-cookie'] ?? [], body: text };
        settle();
      });
      res.on('error', reject);
    });
    req.on('finish', () => {
      sent = true;
      settle();
    });
    req.on('error', reject);
    body.on('error', reject);
    body.pipe(req);
  });
}

/** A JSON request; a body is sent for every method but GET and HEAD. */
export const sendJson = (port: number, method: string, target: string, headers: Record<string, string>, body: unknown = {}) =>
  method === 'GET' || method === 'HEAD'
    ? sendRaw(port, method, target, headers)
    : sendRaw(port, method, target, { ...headers, 'content-type': 'application/json' }, JSON.stringify(body));

/** `name=value` of the first Set-Cookie whose name ends with `suffix`, for a Cookie header. */
export function cookiePair(setCookies: string[], suffix: string): string | undefined {
  return setCookies.map((line) => line.split(';')[0]!).find((pair) => pair.split('=')[0]!.endsWith(suffix));
}
