/*
 * Runs inside WebContainer's Node (plain CommonJS, no dependencies), as `docker`, `curl` and `edit`
 * in the learner's shell, and as the HTTP server behind the preview pane. Each asks the course's
 * simulator on the page to run the command (the protocol is in protocol.ts): it prints the request
 * as an OSC sequence, waits for the reply file, prints the output and exits with the exit code.
 */
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const OSC_START = '\x1b]7731;layerwise;';
const OSC_END = '\x07';
const REPLIES = path.join(__dirname, 'replies');
const POLL_MS = 20;
const DEADLINE_MS = 60000;

let counter = 0;
function ask(argv) {
  const id = `${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const file = path.join(REPLIES, `${id}.json`);
  const payload = Buffer.from(JSON.stringify({ id, argv, cwd: process.cwd() })).toString('base64');
  process.stdout.write(OSC_START + payload + OSC_END);
  const started = Date.now();
  return new Promise((resolve) => {
    const poll = () => {
      let reply = null;
      try {
        reply = JSON.parse(fs.readFileSync(file, 'utf8'));
        fs.rmSync(file, { force: true });
      } catch {
        reply = null; // not written yet, or still being written
      }
      if (reply) return resolve(reply);
      if (Date.now() - started > DEADLINE_MS) {
        return resolve({
          output: `layerwise: the simulator on the page did not answer within ${DEADLINE_MS / 1000} s (is the page still open?)\n`,
          exitCode: 1,
        });
      }
      setTimeout(poll, POLL_MS);
    };
    poll();
  });
}

/** `docker …`, `curl …`, `edit FILE`: one command, answered by the page. */
async function run(name, args) {
  const { output, exitCode } = await ask([name, ...args]);
  process.stdout.write(output.replace(/\r?\n/g, '\r\n'));
  process.exitCode = exitCode;
}

/** Splits `curl -s -i` output into status, headers and body. */
function parseHttp(text) {
  const split = text.indexOf('\r\n\r\n') >= 0 ? text.indexOf('\r\n\r\n') : text.indexOf('\n\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  const body = split >= 0 ? text.slice(split).replace(/^\r?\n\r?\n/, '') : '';
  const [statusLine, ...lines] = head.split(/\r?\n/);
  const status = Number((/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine || '') || [])[1]);
  if (!status) return null;
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && name !== 'content-length' && name !== 'date')
      headers[name] = line.slice(colon + 1).trim();
  }
  return { status, headers, body };
}

/** A real server on `port`, so WebContainer shows the published port in the preview pane. */
function serve(port) {
  const server = http.createServer(async (req, res) => {
    const { output, exitCode } = await ask([
      'curl',
      '-s',
      '-i',
      `http://localhost:${port}${req.url || '/'}`,
    ]);
    const parsed = exitCode === 0 ? parseHttp(output) : null;
    if (!parsed) {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `Nothing answers on port ${port} in the simulator (curl exit code ${exitCode}). Is the container running?\n`,
      );
      return;
    }
    res.writeHead(parsed.status, parsed.headers);
    res.end(parsed.body);
  });
  server.listen(port);
  return server;
}

module.exports = { ask, run, serve, parseHttp };
