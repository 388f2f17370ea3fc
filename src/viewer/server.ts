// A static file server for one folder (the viewer and graph.json), on 127.0.0.1 only. No request can end
// the process, and nothing outside the folder is served, symlinks included.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { UserError } from '../util/errors.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Longer request paths are refused before any file-system call (the OS refuses them anyway: ENAMETOOLONG). */
const MAX_PATH = 2048;

/** Maps a request path to a file under `root`, or null when it would leave root or cannot be a file name. */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.length > MAX_PATH) return null;
  const full = resolve(root, `.${path.startsWith('/') ? path : `/${path}`}`);
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

function notAFileName(urlPath: string): boolean {
  try {
    const path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
    return path.includes('\0') || path.length > MAX_PATH;
  } catch {
    return true;
  }
}

/** The connection that `zhengtu serve` hands the viewer's live mode (served only with the run's token). */
export interface LiveConnection {
  uri: string;
  user: string;
  password: string;
  token: string;
}

export const LIVE_PATH = '/.zhengtu/live.json';

interface Reply {
  status: number;
  file?: string;
  size?: number;
  body?: string;
  type?: string;
}

const text = (status: number, body: string): Reply => ({ status, body: `${body}\n`, type: 'text/plain; charset=utf-8' });

/**
 * The file a request may have, after symlinks: a link (or a link's parent) that leads out of the served
 * folder answers 404 like a missing file, so that `ln -s /etc/passwd out/x` serves nothing.
 */
function servedFile(realRoot: string, file: string): Reply {
  let real: string;
  try {
    real = realpathSync(file);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return text(404, 'not found');
    let stat = statSync(real);
    if (stat.isDirectory()) {
      real = realpathSync(join(real, 'index.html'));
      if (!real.startsWith(realRoot + sep)) return text(404, 'not found');
      stat = statSync(real);
    }
    return stat.isFile() ? { status: 200, file: real, size: stat.size } : text(404, 'not found');
  } catch {
    // ENOENT, ENOTDIR (/index.html/x), ENAMETOOLONG, EACCES, ELOOP …: all the same to a client.
    return text(404, 'not found');
  }
}

/** Live mode's connection, for the page that was opened with the token `zhengtu serve` printed. */
function liveReply(url: URL, host: string | undefined, port: number, live?: LiveConnection): Reply {
  const local = host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  if (!live || !local || url.searchParams.get('token') !== live.token) return text(404, 'not found');
  const { uri, user, password } = live;
  return { status: 200, body: JSON.stringify({ uri, user, password }), type: 'application/json; charset=utf-8' };
}

function route(req: IncomingMessage, root: string, realRoot: string, port: number, live?: LiveConnection): Reply {
  if (req.method !== 'GET' && req.method !== 'HEAD') return { ...text(405, 'method not allowed') };
  const raw = req.url ?? '/';
  if (raw.length > MAX_PATH * 3) return text(414, 'path too long');
  let url: URL;
  try {
    url = new URL(raw, 'http://localhost');
  } catch {
    return text(400, 'bad request path');
  }
  if (url.pathname === LIVE_PATH) return liveReply(url, req.headers.host, port, live);
  const file = resolveRequestPath(root, raw);
  if (file) return servedFile(realRoot, file);
  // Not a file name at all (bad %-escape, NUL, too long) is the client's error; a way out of the folder is refused.
  return notAFileName(raw) ? text(400, 'bad request path') : text(403, 'forbidden');
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (reply.status === 405) headers.Allow = 'GET, HEAD';
  if (reply.file) {
    headers['Content-Type'] = CONTENT_TYPES[extname(reply.file).toLowerCase()] ?? 'application/octet-stream';
    headers['Content-Length'] = reply.size!;
  } else {
    headers['Content-Type'] = reply.type ?? 'text/plain; charset=utf-8';
    if (reply.body?.startsWith('{')) headers['Cache-Control'] = 'no-store';
  }
  res.writeHead(reply.status, headers);
  if (req.method === 'HEAD' || !reply.file) {
    res.end(req.method === 'HEAD' ? undefined : reply.body);
    return;
  }
  createReadStream(reply.file).on('error', () => res.destroy()).pipe(res);
}

export function serveDirectory(dir: string, options: { port?: number; host?: string; live?: LiveConnection } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const realRoot = realpathSync(root);
  const host = options.host ?? '127.0.0.1';
  let port = 0;
  const server = createServer((req, res) => {
    // Nothing a client sends may end the process: whatever goes wrong answers this one request.
    try {
      send(req, res, route(req, root, realRoot, port, options.live));
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  // A request Node cannot parse (headers past 16 KB, bad bytes) gets a status line, then the socket closes.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new UserError(`port ${options.port} on ${host} is in use; pass --port <another> (or --port 0 for any free port)`));
      else reject(err);
    });
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        server,
        port,
        url: `http://${host}:${port}/`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
