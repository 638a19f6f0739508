// A tiny static file server bound to 127.0.0.1, as a static host would serve a built site:
// `/a/` serves `a/index.html`, a missing file serves `404.html` with status 404. A site hosted
// under a folder (`basePath: '/familyhub'`) is served only under it, as the council's host
// serves it beside its other pages: `/` redirects there, other paths are not found.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** The file a request path names inside `root`, or null. Never leaves `root`. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  const full = path.normalize(path.join(root, decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  for (const candidate of [full, path.join(full, 'index.html')]) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/** The path inside the site folder that `urlPath` names under `basePath`, or null outside it. */
function underBase(urlPath, basePath) {
  if (!basePath) return urlPath;
  const rest = urlPath.startsWith(basePath) ? urlPath.slice(basePath.length) : null;
  return rest !== null && /^[/?#]/.test(rest) ? rest : null;
}

/**
 * Serves folder `root` on 127.0.0.1 at a free port, under `basePath` if given (`/familyhub`);
 * resolves to { server, origin }.
 */
function serveFolder(root, { basePath = '' } = {}) {
  const absolute = path.resolve(root);
  const server = http.createServer((request, response) => {
    const url = request.url || '/';
    if (basePath && (url === '/' || url === basePath)) {
      response.writeHead(302, { location: `${basePath}/` });
      response.end();
      return;
    }
    const inside = underBase(url, basePath);
    const file = inside === null ? null : resolveFile(absolute, inside);
    const notFound = path.join(absolute, '404.html');
    const [status, chosen] = file ? [200, file] : [404, fs.existsSync(notFound) ? notFound : null];
    if (!chosen) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const type = TYPES[path.extname(chosen)] || 'application/octet-stream';
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    fs.createReadStream(chosen).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

module.exports = { serveFolder, resolveFile, underBase };
