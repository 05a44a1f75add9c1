// Shards served on loopback ports by Xapian's own xapian-tcpsrv or by the project's shardd, for
// the sharding tests (not a test file itself). Each server runs in a process group of its own, so
// that a test can kill or stop it with the connection handlers it forks.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from './harness.mjs';

const probe = spawnSync('xapian-tcpsrv', ['--version'], { encoding: 'utf8' });
export const haveTcpsrv = !probe.error && probe.status === 0;
export const skipWithoutTcpsrv = haveTcpsrv ? false
  : 'xapian-tcpsrv is not installed (Debian package xapian-tools): sharded search not tested';

// The project's shard server, when the build has it (tests/CMakeLists.txt).
export const shardd = process.env.TALKSEARCH_SHARDD || null;
export const skipWithoutShardd = shardd ? false
  : 'shardd is not built (scripts/setup fetches the Xapian headers it needs): not tested';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => { socket.destroy(); resolve(false); });
  });
}

// Serves `dbDir` on `port` (a free one if not given) with `program` (xapian-tcpsrv, or shardd,
// which takes the same arguments), given `args` besides; resolves once it accepts connections.
export async function startTcpsrv(dbDir, port = null, program = 'xapian-tcpsrv', args = []) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const tryPort = port ?? await freePort();
    const child = spawn(program,
      ['--interface', '127.0.0.1', '--port', String(tryPort), ...args, dbDir],
      // Its own process group: on SIGTERM a server signals its whole group (its forked
      // connection handlers), which must not include this test runner.
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (await portOpen(tryPort)) return { child, port: tryPort, dbDir };
      await sleep(50);
    }
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    if (attempt === 2) throw new Error(`${program} did not start: ${output}`);
  }
  throw new Error('unreachable');
}

// Sends `signal` to a server and the connection handlers it forked.
export function signalServer(server, signal) {
  try { process.kill(-server.child.pid, signal); } catch { /* already gone */ }
}

export function stopServer(server) {
  const { child } = server ?? {};
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    signalServer(server, 'SIGCONT');
    child.kill('SIGTERM');
  });
}

// Kills a server and its handlers at once, as a crashed machine would stop answering.
export function killServer(server) {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    signalServer(server, 'SIGKILL');
  });
}

// The number of documents in one database, as xapian-delve reports it.
export function documentCount(dbDir) {
  const delve = spawnSync('xapian-delve', [dbDir], { encoding: 'utf8' });
  const match = /number of documents = (\d+)/.exec(delve.stdout ?? '');
  if (!match) throw new Error(`xapian-delve ${dbDir}: ${delve.stderr}`);
  return Number(match[1]);
}

// Writes `file`, a stub of one `remote` line per server (as startTcpsrv returns them), in order.
export function writeRemoteStub(file, servers) {
  writeFileSync(file, servers.map((s) => `remote 127.0.0.1:${s.port}\n`).join(''));
  return file;
}
