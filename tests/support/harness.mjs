// Test harness shared by the end-to-end and browser tests: indexes a corpus into a temporary
// folder with the real indexer and starts the real searchd on a free loopback port.
// The build tells us where the programs are through environment variables (see tests/CMakeLists.txt).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through ctest`);
  return value;
}

export const paths = {
  get indexer() { return required('TALKSEARCH_INDEXER'); },
  get searchd() { return required('TALKSEARCH_SEARCHD'); },
  get data() { return required('TALKSEARCH_DATA'); },
  get web() { return required('TALKSEARCH_WEB'); },
  get artifacts() { return required('TALKSEARCH_ARTIFACTS'); },
  get corpus() { return path.join(required('TALKSEARCH_DATA'), 'corpus'); },
  get catalog() { return path.join(required('TALKSEARCH_DATA'), 'entities.toml'); },
};

// Removed when the test process exits, whether or not the test removes it itself.
const tempDirs = new Set();
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

export function makeTempDir(prefix = 'talksearch-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Runs the indexer synchronously; returns {status, stdout, stderr}.
export function runIndexer(dbDir, inputs, extraArgs = []) {
  const result = spawnSync(paths.indexer,
    ['--db', dbDir, '--catalog', paths.catalog, '--quiet', ...extraArgs, ...inputs],
    { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function waitForHealth(baseUrl, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`searchd exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('searchd did not become healthy in time');
}

// Starts searchd over `dbDir` (or indexes `corpus` first when given), with at most
// `fileLimit` open files when given. Returns {baseUrl, port, dbDir, child, logs(), stop()}.
export async function startServer({ dbDir, corpus = paths.corpus, args = [], fileLimit } = {}) {
  let ownDir = null;
  if (!dbDir) {
    ownDir = makeTempDir();
    dbDir = path.join(ownDir, 'db');
    const indexed = runIndexer(dbDir, [corpus]);
    if (indexed.status !== 0) {
      throw new Error(`indexer failed (${indexed.status}): ${indexed.stderr}`);
    }
  }
  const port = await freePort();
  const command = [paths.searchd,
    '--db', dbDir, '--listen', `127.0.0.1:${port}`, '--web', paths.web,
    '--catalog', paths.catalog, '--threads', '2', ...args];
  // The shell lowers the limit and then becomes searchd, so that child.pid is searchd's.
  const child = fileLimit === undefined
    ? spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('/bin/sh', ['-c', `ulimit -n ${fileLimit} && exec "$@"`, 'sh', ...command],
      { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, 15000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  }
  return {
    baseUrl,
    port,
    dbDir,
    child,
    logs: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name) {
  mkdirSync(paths.artifacts, { recursive: true });
  return path.join(paths.artifacts, name);
}
