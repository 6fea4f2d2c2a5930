// @ts-check
// The ceiling: a bare Node http server answering every request with the same bytes (argv[2], a file).
'use strict';

const fs = require('fs');
const http = require('http');

const body = fs.readFileSync(/** @type {string} */ (process.argv[2]));
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
