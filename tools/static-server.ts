/**
 * A small static file server for the built site, on 127.0.0.1 only, that
 * answers as a static host would: /path/ serves /path/index.html, unknown
 * paths get 404.html with status 404. The host's headers (dist/_headers) are
 * not applied unless `headersFor` is given (the policy is also in each page's
 * meta element).
 *
 * With `{ gzip: true }` it compresses as the host (Netlify) does: text types
 * (HTML, CSS, JavaScript, JSON, XML, SVG, text) are sent gzipped to a browser
 * that accepts gzip; everything else, including Pagefind's own files (the
 * .pf_* index files and its WebAssembly, gzipped by Pagefind already), is sent
 * as it is. The server counts the bytes of every body it sends, by path.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { DOCUMENT_FORMATS } from '../src/content/model';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  // Documents: .pdf, .docx... as the site serves them.
  ...Object.fromEntries(Object.entries(DOCUMENT_FORMATS).map(([extension, format]) => [`.${extension}`, format.mediaType])),
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
};

/** The content types a host compresses: text, and the text formats that are not text/*. */
export function isCompressedByHost(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    ['application/json', 'application/xml', 'image/svg+xml', 'application/javascript', 'application/manifest+json'].includes(type)
  );
}

export interface ServeOptions {
  /** Gzip text types, as the host does (off by default: the other tests read raw bytes). */
  gzip?: boolean;
}

export interface RunningServer {
  url: string;
  /** Body bytes sent so far (after compression), by path; clear it to start counting afresh. */
  sent: Map<string, number>;
  close: () => Promise<void>;
}

export async function serveDirectory(
  directory: string,
  headersFor?: (pathname: string) => Record<string, string>,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const root = resolve(directory);
  const sent = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(root)) {
      response.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      file = join(root, '404.html');
      status = 404;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { ...headersFor?.(pathname), 'Content-Type': type };
    const count = (chunk: string | Buffer) => {
      sent.set(pathname, (sent.get(pathname) ?? 0) + Buffer.byteLength(chunk));
    };
    if (options.gzip && isCompressedByHost(type)) {
      headers.Vary = 'Accept-Encoding';
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        response.writeHead(status, { ...headers, 'Content-Encoding': 'gzip' });
        createReadStream(file).pipe(createGzip()).on('data', count).pipe(response);
        return;
      }
    }
    response.writeHead(status, { ...headers, 'Content-Length': String(statSync(file).size) });
    createReadStream(file).on('data', count).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
