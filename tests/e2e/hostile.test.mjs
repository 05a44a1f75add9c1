// Hostile and malformed clients on raw sockets: path traversal, oversized requests, header
// floods, slow clients, garbage, many concurrent requests, keep-alive, and more connections than
// the server has file descriptors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { startServer } from '../support/harness.mjs';
import { rawRequest, statusOf, completeResponse, get, sleep } from './lib.mjs';

const request = (target, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`;

function bodyOf(raw) {
  const i = raw.indexOf('\r\n\r\n');
  return i < 0 ? '' : raw.slice(i + 4);
}

describe('hostile clients', () => {
  let server;
  let base;
  before(async () => {
    server = await startServer();
    base = server.baseUrl;
  });
  after(async () => { await server?.stop(); });

  async function assertHealthy() {
    const r = await get(base, '/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.json.documents, 5);
  }

  it('path traversal never serves files outside web/', async () => {
    const targets = ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/..\\..\\etc\\passwd', '/.%2e/.%2e/etc/passwd',
      '/static/../../../../etc/passwd', '//etc/passwd', '/%2fetc%2fpasswd', '/..%252f..%252fetc/passwd',
      '/../../../../../../../../proc/self/environ', '/../docs/api.md', '/%2e%2e/docs/api.md',
      '/..%5c..%5cetc%5cpasswd', '/index.html%00.png'];
    for (const target of targets) {
      const raw = await rawRequest(server.port, request(target));
      const status = statusOf(raw.data);
      assert.ok(status === 400 || status === 403 || status === 404, `${target}: status ${status}`);
      const body = bodyOf(raw.data);
      assert.doesNotMatch(body, /root:.*:0:0:/, `${target} served /etc/passwd`);
      assert.doesNotMatch(body, /# HTTP API/, `${target} served docs/api.md`);
      assert.doesNotMatch(body, /PATH=|HOME=/, `${target} served the environment`);
    }
    await assertHealthy();
  });

  it('a 100 kB query gets a 4xx error, not a 5xx', async () => {
    const raw = await rawRequest(server.port, request(`/api/search?q=${'a'.repeat(100000)}`), { timeoutMs: 10000 });
    const status = statusOf(raw.data);
    assert.ok(status !== null, `no response: ${raw.data.slice(0, 100)}`);
    assert.ok([400, 413, 414, 431].includes(status), `status ${status}`);
    assert.match(bodyOf(raw.data), /"error"/);
    await assertHealthy();
  });

  it('200 nested parentheses are query_too_long', async () => {
    const q = encodeURIComponent(`${'('.repeat(200)}peace${')'.repeat(200)}`);
    const r = await get(base, `/api/search?q=${q}`);
    assert.equal(r.status, 400);
    assert.equal(r.json.error.code, 'query_too_long');
  });

  it('20 kB of headers: 431 or the connection is closed, and the server lives on', async () => {
    const headers = Array.from({ length: 200 }, (_, i) => `X-Flood-${i}: ${'v'.repeat(100)}\r\n`).join('');
    const raw = await rawRequest(server.port, request('/healthz', headers), { timeoutMs: 10000 });
    const status = statusOf(raw.data);
    assert.ok(status === 431 || (status === null && raw.closed), `status ${status}, closed ${raw.closed}`);
    if (status === 431) assert.match(bodyOf(raw.data), /headers_too_large/);
    // One enormous header line as well.
    const one = await rawRequest(server.port, request('/healthz', `X-Big: ${'x'.repeat(20000)}\r\n`), { timeoutMs: 10000 });
    const oneStatus = statusOf(one.data);
    assert.ok(oneStatus === 431 || (oneStatus === null && one.closed), `status ${oneStatus}`);
    await assertHealthy();
  });

  it('the 8 KiB limit is of the request line and headers together, to the byte', async () => {
    // Headers just under the limit, and the request line before them tips it over.
    const head = (total) => {
      const line = `GET /${'a'.repeat(100)} HTTP/1.1\r\n`;
      const fixed = 'Host: 127.0.0.1\r\nConnection: close\r\nX-Pad: \r\n\r\n';
      return line + fixed.replace('X-Pad: ', `X-Pad: ${'v'.repeat(total - line.length - fixed.length)}`);
    };
    assert.equal(head(8192).length, 8192);
    const within = statusOf((await rawRequest(server.port, head(8192))).data);
    assert.ok(within !== null && within !== 431, `8192 bytes: status ${within}`);
    const over = await rawRequest(server.port, head(8193));
    assert.equal(statusOf(over.data), 431);
    assert.match(bodyOf(over.data), /headers_too_large/);
    await assertHealthy();
  });

  it('a request body over 1 MiB is refused with 413 (or closed)', async () => {
    const raw = await rawRequest(server.port,
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n`);
    const status = statusOf(raw.data);
    assert.ok(status === 413 || (status === null && raw.closed), `status ${status}`);
    await assertHealthy();
  });

  it('slow clients do not block others and are eventually disconnected', async () => {
    // Several half-sent requests: more than searchd's worker threads (2).
    const slow = Array.from({ length: 5 }, () =>
      rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', { timeoutMs: 16000 }));
    await sleep(300);
    for (let i = 0; i < 3; i++) {
      const r = await get(base, '/api/search?q=Geneva');
      assert.equal(r.status, 200);
      assert.equal(r.json.total, 1);
    }
    const results = await Promise.all(slow);
    for (const r of results) {
      assert.ok(r.closed, 'a slow client was not disconnected within ~15 s (read timeout is 10 s)');
      const status = statusOf(r.data);
      assert.ok(status === null || status === 408, `slow client got ${status}`);
    }
    await assertHealthy();
  });

  it('garbage instead of HTTP gets 400 or a closed connection', async () => {
    for (const payload of ['\x00\x01\x02garbage\r\n\r\n', 'HELLO WORLD\r\n\r\n', 'GET\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
      'GET / HTTP/1.1\r\nNo colon header\r\n\r\n', `${'A'.repeat(5000)}\r\n\r\n`]) {
      const raw = await rawRequest(server.port, payload, { timeoutMs: 12000 });
      const status = statusOf(raw.data);
      assert.ok(status === 400 || status === 505 || (status === null && raw.closed),
        `${JSON.stringify(payload.slice(0, 30))}: status ${status}, closed ${raw.closed}`);
    }
    await assertHealthy();
  });

  it('50 concurrent requests all succeed', async () => {
    const queries = ['Odessa', 'Istanbul', 'Geneva', 'talks', 'ceasefire -Trump'];
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      get(base, `/api/search?q=${encodeURIComponent(queries[i % queries.length])}`)));
    for (const r of responses) assert.equal(r.status, 200, r.body);
    const expected = { Odessa: 5, Istanbul: 2, Geneva: 1, talks: 5, 'ceasefire -Trump': 2 };
    for (const r of responses) assert.equal(r.json.total, expected[r.json.query]);
  });

  it('keep-alive: two requests on one socket', async () => {
    const socket = connect(server.port, '127.0.0.1');
    await new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    let buffer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => { buffer += chunk; });
    const waitFor = async (predicate) => {
      const deadline = Date.now() + 5000;
      while (!predicate() && Date.now() < deadline) await sleep(20);
      assert.ok(predicate(), `no complete response: ${buffer.slice(0, 200)}`);
    };
    try {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await waitFor(() => completeResponse(buffer));
      assert.equal(statusOf(buffer), 200);
      assert.ok(!socket.destroyed && !socket.readableEnded, 'server closed a keep-alive connection');
      const first = buffer;
      buffer = '';
      socket.write('GET /api/search?q=Geneva HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await waitFor(() => completeResponse(buffer));
      assert.equal(statusOf(buffer), 200);
      assert.match(bodyOf(buffer), /004_1b57a905ea256f2b/);
      assert.match(bodyOf(first), /"documents":5/);
    } finally {
      socket.destroy();
    }
  });

  it('pipelined requests are answered in order', async () => {
    const raw = await rawRequest(server.port,
      'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/search?q=Istanbul HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      { timeoutMs: 5000 });
    const statuses = [...raw.data.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    assert.deepEqual(statuses, [200, 200]);
    assert.match(raw.data, /"documents":5[\s\S]*003_f84507c056fc63c0/);
  });

  it('the server is still healthy and logged no crash', async () => {
    await assertHealthy();
    assert.equal(server.child.exitCode, null);
    const metrics = await get(base, '/metrics');
    assert.doesNotMatch(metrics.body, /status="5\d\d"/);
  });
});

describe('out of file descriptors', () => {
  let server;
  before(async () => { server = await startServer({ fileLimit: 64 }); });
  after(async () => { await server?.stop(); });

  // /proc/PID/stat fields 14 and 15: user and system time in clock ticks.
  const cpuTicks = (pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };

  it('more connections than descriptors: it waits, says so once, and serves when they close', async () => {
    const sockets = [];
    for (let i = 0; i < 100; i++) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => {});
      sockets.push(socket);
    }
    await sleep(500);
    const before = cpuTicks(server.child.pid);
    await sleep(1000);
    const spent = cpuTicks(server.child.pid) - before;
    for (const socket of sockets) socket.destroy();
    // Spinning on accept would take the whole second (about 100 ticks); waiting takes none.
    assert.ok(spent < 50, `searchd spent ${spent} ticks of CPU in a second while out of descriptors`);
    const said = server.logs().match(/cannot accept connections/g) ?? [];
    assert.equal(said.length, 1, server.logs().slice(-2000));
    let status = null;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await get(server.baseUrl, '/healthz').catch(() => ({ status: null }))).status;
      if (status !== 200) await sleep(100);
    }
    assert.equal(status, 200);
    // Said on standard error, which may reach us after the access log on standard output.
    for (let attempt = 0; attempt < 50 && !/accepting connections again/.test(server.logs()); attempt++) {
      await sleep(100);
    }
    assert.match(server.logs(), /accepting connections again/);
  });
});
