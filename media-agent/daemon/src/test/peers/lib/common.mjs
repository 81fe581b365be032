// Shared helpers for the test peers: argument parsing, JSON-lines output,
// loopback-only WHIP/WHEP HTTP, and a hard time bound on every run.
import { parseArgs } from 'node:util';
import { isIP } from 'node:net';

const started = Date.now();

/** Milliseconds since the script started. */
export const elapsedMs = () => Date.now() - started;

/** One JSON object per line on stdout (the only thing written to stdout). */
export function emit(event, fields = {}) {
  process.stdout.write(JSON.stringify({ event, ...fields }) + '\n');
}

/** Human-readable diagnostics go to stderr. */
export function log(...parts) {
  process.stderr.write(`[${(elapsedMs() / 1000).toFixed(3)}s] ${parts.join(' ')}\n`);
}

const cleanups = [];
/** Registers a function run (once, best effort) before the process exits. */
export function onExit(fn) {
  cleanups.push(fn);
}

let exiting = false;
async function runCleanups() {
  if (exiting) return;
  exiting = true;
  for (const fn of cleanups.reverse()) {
    try {
      await Promise.race([fn(), sleep(3000)]);
    } catch (e) {
      log('cleanup failed:', e?.message ?? e);
    }
  }
}

/** Error with extra JSON fields (for example the HTTP status). */
export class PeerError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.fields = fields;
  }
}

let ended = false;

/** Prints the error line, cleans up, exits non-zero. Only the first call counts. */
export async function fail(err, code = 1) {
  if (ended) return;
  ended = true;
  const message = err instanceof Error ? err.message : String(err);
  emit('error', { message, ...(err?.fields ?? {}) });
  log('error:', message);
  await runCleanups();
  process.exit(code);
}

/** Prints the result line, cleans up, exits 0. */
export async function finish(fields) {
  if (ended) return;
  ended = true;
  await runCleanups();
  emit('result', fields);
  process.exit(0);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Parses `URL [options]`. Common options: --token, --duration (s, default 10),
 * --http-timeout (s, default 10), --keep-session (no DELETE at the end).
 * Exits with code 2 and an error line on bad usage.
 */
export function parseCommandLine(usage, extraOptions = {}) {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        token: { type: 'string' },
        duration: { type: 'string', default: '10' },
        'http-timeout': { type: 'string', default: '10' },
        'keep-session': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...extraOptions,
      },
    });
  } catch (e) {
    usageError(usage, e.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stderr.write(usage + '\n');
    process.exit(0);
  }
  if (positionals.length !== 1) usageError(usage, 'exactly one URL is required');
  const url = checkLoopbackUrl(positionals[0], usage);
  const duration = Number(values.duration);
  if (!(duration > 0 && duration <= 3600)) usageError(usage, '--duration must be a number of seconds in (0, 3600]');
  const httpTimeout = Number(values['http-timeout']);
  if (!(httpTimeout > 0 && httpTimeout <= 120)) usageError(usage, '--http-timeout must be in (0, 120]');
  // Hard bound: whatever happens, the process ends shortly after the duration.
  const hardLimitMs = (duration + httpTimeout + 15) * 1000;
  setTimeout(() => fail(new PeerError(`hard time limit of ${hardLimitMs / 1000} s reached`)), hardLimitMs).unref();
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => fail(new PeerError(`stopped by ${sig}`), 130));
  }
  process.on('unhandledRejection', (e) => fail(e));
  process.on('uncaughtException', (e) => fail(e));
  return { url, values, duration, httpTimeoutMs: httpTimeout * 1000, token: values.token };
}

export function usageError(usage, message) {
  emit('error', { message: `usage: ${message}` });
  process.stderr.write(usage + '\n');
  process.exit(2);
}

/** Only loopback targets are allowed: 127.0.0.0/8, ::1, localhost. */
export function checkLoopbackUrl(text, usage) {
  let u;
  try {
    u = new URL(text);
  } catch {
    usageError(usage, `not a URL: ${text}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') usageError(usage, `not an http(s) URL: ${text}`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const loopback =
    host === 'localhost' ||
    (isIP(host) === 4 && host.startsWith('127.')) ||
    (isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1'));
  if (!loopback) usageError(usage, `only loopback targets are allowed, got host ${u.hostname}`);
  return u;
}

function authHeaders(token) {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * POSTs an SDP offer (WHIP/WHEP). Expects 201 with a Location header.
 * Returns { answer, location (absolute URL), etag, links, status }.
 */
export async function postOffer(url, sdp, { token, timeoutMs }) {
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', Accept: 'application/sdp', ...authHeaders(token) },
      body: sdp,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new PeerError(`POST ${url} failed: ${e.cause?.message ?? e.message}`);
  }
  const body = await res.text();
  if (res.status !== 201) {
    throw new PeerError(`POST ${url} answered ${res.status} ${res.statusText}: ${body.slice(0, 500)}`, {
      status: res.status,
    });
  }
  const loc = res.headers.get('location');
  if (!loc) throw new PeerError(`POST ${url} answered 201 without a Location header`, { status: 201 });
  if (!body.startsWith('v=0')) throw new PeerError(`POST ${url} answered 201 without an SDP body`, { status: 201 });
  return {
    status: res.status,
    answer: body,
    location: new URL(loc, url),
    etag: res.headers.get('etag'),
    links: res.headers.get('link'),
    contentType: res.headers.get('content-type'),
  };
}

/** DELETEs the session resource; returns the HTTP status (or null if the request failed). */
export async function deleteSession(location, { token, timeoutMs }) {
  try {
    const res = await fetch(location, {
      method: 'DELETE',
      headers: authHeaders(token),
      signal: AbortSignal.timeout(Math.min(timeoutMs, 5000)),
    });
    await res.arrayBuffer();
    log(`DELETE ${location} -> ${res.status}`);
    return res.status;
  } catch (e) {
    log(`DELETE ${location} failed: ${e.cause?.message ?? e.message}`);
    return null;
  }
}

/** Resolves once a promise-returning predicate is true or the timeout expires. */
export async function waitFor(predicate, timeoutMs, stepMs = 20) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await predicate()) return true;
    await sleep(stepMs);
  }
  return false;
}
