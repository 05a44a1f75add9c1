// What the benchmarks share: the project's paths, running and timing children, a free port,
// searchd started on an index, wrk's figures and a process's memory.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const work = path.join(repo, 'var', 'bench');
export const bin = (name) => path.join(repo, 'build', name);
export const catalog = path.join(repo, 'data', 'entities.toml');
export const queries = path.join(repo, 'data', 'bench', 'queries.txt');

export function run(command, args, env = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env },
                                            maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  return result;
}

// Wall time, peak resident memory (from /proc: no GNU time needed) and standard output of a child.
export function timed(command, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    let stdout = '';
    const sample = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch { /* exited */ }
    }, 50);
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.on('exit', (code) => {
      clearInterval(sample);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} failed (${code}): ${stderr}`));
      else resolve({ seconds, peakMb: peakKb / 1024, stdout });
    });
  });
}

export function folderBytes(folder) {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// `binary`: another build's searchd, to compare with this one's.
export async function startSearchd(db, extraArgs = [], binary = bin('searchd/searchd')) {
  const port = await freePort();
  const child = spawn(binary,
    ['--db', db, '--catalog', catalog, '--web', path.join(repo, 'web'),
     '--listen', `127.0.0.1:${port}`, '--quiet', ...extraArgs], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, port, base };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('searchd did not start');
}

export function wrk(port, connections, seconds) {
  const threads = Math.min(connections, os.cpus().length);
  const result = run('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`,
                             '-s', path.join(repo, 'scripts', 'wrk-queries.lua'),
                             `http://127.0.0.1:${port}`], { BENCH_QUERIES: queries });
  const line = result.stdout.split('\n').find((l) => l.startsWith('{"requests"'));
  const figures = JSON.parse(line);
  figures.qps = figures.requests / figures.duration_s;
  return figures;
}

export function residentMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

// The generated corpus of `size` articles with `seed`, made once and kept in var/bench.
export function generatedCorpus(size, seed) {
  const corpus = path.join(work, `corpus-${size}-seed${seed}`);
  const jsonl = path.join(corpus, 'articles.jsonl');
  if (!fs.existsSync(jsonl)) {
    console.error(`bench: generating ${size} articles`);
    run('node', [path.join(repo, 'scripts', 'gen-corpus.mjs'), '--count', String(size),
                 '--seed', String(seed), '--out', corpus]);
  }
  return jsonl;
}
