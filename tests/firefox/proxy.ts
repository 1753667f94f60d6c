/**
 * A local TLS-intercepting proxy for the Firefox suite: Firefox sends every request through it
 * (proxy prefs), and it answers github.com, api.github.com and GitHub's asset hosts from
 * tests/mock-github with a certificate signed by a throwaway CA made here with openssl (trusted
 * only in the test profile). Anything else is refused: no request leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { MockAnswer } from '../mock-github';

export interface TestCertificates {
  /** PEM of the CA, to trust in the Firefox profile with certutil */
  caFile: string;
  key: string;
  cert: string;
}

/** A CA and one server certificate for `hosts` (subjectAltName), valid two days. */
export function makeCertificates(dir: string, hosts: readonly string[]): TestCertificates {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2',
    '-subj', '/CN=Statboard throwaway test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${hosts[0]}`]);
  writeFileSync(file('server.ext'), [
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
  ].join('\n'));
  openssl(['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext')]);
  return { caFile: file('ca.pem'), key: readFileSync(file('server.key'), 'utf8'), cert: readFileSync(file('server.pem'), 'utf8') };
}

export type Handler = (req: { method: string; url: string; headers: Record<string, string> }) => Promise<MockAnswer>;

export interface MitmProxy {
  port: number;
  /** CONNECT targets that were refused (hosts the mock does not serve) */
  refused: string[];
  close(): Promise<void>;
}

export async function startProxy(options: { hosts: readonly string[]; certificates: TestCertificates; handler: Handler }): Promise<MitmProxy> {
  const allowed = new Set(options.hosts);
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const tls = https.createServer({ key: options.certificates.key, cert: options.certificates.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const url = `https://${req.headers.host ?? ''}${req.url ?? '/'}`;
      options
        .handler({ method: req.method ?? 'GET', url, headers })
        .then(async (answer) => {
          if (answer.delayMs > 0) await new Promise((r) => setTimeout(r, answer.delayMs));
          if (answer.networkError) {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body ?? '');
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`mock failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
  });
  tls.on('tlsClientError', () => {});

  const proxy = http.createServer((req, res) => {
    // Plain-HTTP requests: nothing here is served over http.
    refused.push(req.url ?? '');
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('the test proxy serves only the mock GitHub over https');
  });
  proxy.on('connection', track);
  proxy.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!host || !allowed.has(host) || (port && port !== '443')) {
      refused.push(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    refused,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      tls.close();
    },
  };
}
