#!/usr/bin/env node
// Runs Debian's simple-whip-client (`whip-client`, Meetecho, on GStreamer
// webrtcbin) publishing H.264 constrained-baseline + Opus test media for
// --duration seconds, then stops it with SIGINT (it DELETEs its resource).
// whip-client prints logs only, so the events here come from its log lines.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { parseCommandLine, emit, log, fail, finish, onExit, elapsedMs, sleep, PeerError } from './lib/common.mjs';

const USAGE = `usage: whip-client.mjs URL [--token T] [--duration S] [--trickle] [--no-gupnp-stub]
  Publishes H.264 (constrained baseline, x264enc) + Opus with Debian's whip-client for S seconds (default 10).
  --trickle         let whip-client trickle candidates with PATCH (default: all candidates in the offer, -n)
  --keep-session    stop whip-client with SIGKILL (no DELETE) instead of SIGINT
  --no-gupnp-stub   do not replace libgupnp-igd (whip-client then aborts on Debian 12, see README)`;

const { url, duration, token, values } = parseCommandLine(USAGE, {
  trickle: { type: 'boolean', default: false },
  'no-gupnp-stub': { type: 'boolean', default: false },
});

const WHIP_CLIENT = process.env.WHIP_CLIENT_PATH || '/usr/bin/whip-client';
const H264_PT = 102;
const OPUS_PT = 111;
const VIDEO =
  'videotestsrc is-live=true pattern=ball ! video/x-raw,format=I420,width=640,height=360,framerate=30/1 ' +
  '! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=30 bitrate=1000 ' +
  '! video/x-h264,profile=constrained-baseline ' +
  `! rtph264pay config-interval=-1 pt=${H264_PT} mtu=1200 ` +
  `! application/x-rtp,media=video,encoding-name=H264,payload=${H264_PT}`;
const AUDIO =
  'audiotestsrc is-live=true wave=sine freq=440 ! audioconvert ! audioresample ! opusenc ' +
  `! rtpopuspay pt=${OPUS_PT} mtu=1200 ! application/x-rtp,media=audio,encoding-name=OPUS,payload=${OPUS_PT}`;

/** Builds (once, cached in the temp dir) the libgupnp-igd stand-in; returns its directory. */
function gupnpStubDir() {
  const source = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'gupnp-igd-stub.c');
  const text = readFileSync(source);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `castmesh-peers-gupnp-stub-${hash}`);
  const lib = join(dir, 'libgupnp-igd-1.0.so.4');
  if (existsSync(lib)) return dir;
  mkdirSync(dir, { recursive: true });
  const tmp = `${lib}.${process.pid}.tmp`;
  try {
    execFileSync('cc', ['-shared', '-fPIC', '-O2', '-Wl,-soname,libgupnp-igd-1.0.so.4', '-o', tmp, source], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    throw new PeerError(
      `cannot build the libgupnp-igd stub with cc (${e.code === 'ENOENT' ? 'cc not installed, apt-get install gcc' : e.stderr?.toString().trim() || e.message})`,
    );
  }
  renameSync(tmp, lib);
  log('built', lib);
  return dir;
}

async function main() {
  const env = { ...process.env };
  if (!values['no-gupnp-stub']) {
    const dir = gupnpStubDir();
    env.LD_LIBRARY_PATH = env.LD_LIBRARY_PATH ? `${dir}:${env.LD_LIBRARY_PATH}` : dir;
  }
  const args = ['-u', url.href, '-V', VIDEO, '-A', AUDIO, '-l', '4', '-o'];
  if (token) args.push('-t', token);
  if (!values.trickle) args.push('-n');
  log(WHIP_CLIENT, args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' '));

  const child = spawn(WHIP_CLIENT, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal, ms: elapsedMs() };
      resolve();
    });
  });
  child.on('error', (e) => fail(new PeerError(`cannot start ${WHIP_CLIENT}: ${e.message}`)));
  onExit(async () => {
    if (exited) return;
    child.kill('SIGINT');
    await Promise.race([exitPromise, sleep(3000)]);
    if (!exited) child.kill('SIGKILL');
  });

  const state = {
    location: null,
    connectedAt: null,
    offerAt: null,
    answerAt: null,
    httpError: null,
    errors: [],
    lastLines: [],
    deleted: false,
  };
  const onLine = (line) => {
    process.stderr.write(`[whip-client] ${line}\n`);
    state.lastLines.push(line);
    if (state.lastLines.length > 15) state.lastLines.shift();
    let m;
    if (line.includes('Sending SDP offer')) state.offerAt = elapsedMs();
    if ((m = line.match(/Resource URL:\s*(\S+)/))) state.location = m[1];
    if (line.includes('Received SDP answer')) {
      state.answerAt = elapsedMs();
      emit('answer', { ms: state.answerAt, location: state.location });
    }
    if (line.includes('PeerConnection connected') && state.connectedAt === null) {
      state.connectedAt = elapsedMs();
      emit('connected', { ms: state.connectedAt });
    }
    if ((m = line.match(/\[ERR\].*?\[(\d+)\]\s*(.*)$/))) {
      state.errors.push(line.trim());
      if (line.includes('whip_connect')) state.httpError = { status: Number(m[1]), reason: m[2].trim() };
    } else if (line.includes('[ERR]') || line.includes('ERROR')) {
      state.errors.push(line.trim());
    }
    if (line.includes('Disconnecting from server (Shutting down)')) state.deleted = true;
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  const deadline = duration * 1000;
  while (elapsedMs() < deadline && !exited) {
    await Promise.race([sleep(Math.min(1000, deadline - elapsedMs())), exitPromise]);
    if (!exited) {
      emit('progress', {
        t: +(elapsedMs() / 1000).toFixed(3),
        state: state.connectedAt !== null ? 'connected' : state.answerAt !== null ? 'connecting' : 'signaling',
      });
    }
  }

  if (exited) {
    // whip-client ended on its own before the duration: always a failure.
    const tail = state.lastLines.join(' | ');
    if (state.httpError) {
      const { status, reason } = state.httpError;
      throw new PeerError(
        status >= 100
          ? `POST ${url.href} answered ${status} ${reason} (whip-client)`
          : `POST ${url.href} failed: ${reason} (whip-client)`,
        status >= 100 ? { status } : {},
      );
    }
    if (tail.includes('symbols detected. Using libsoup2 and libsoup3')) {
      throw new PeerError('whip-client aborted: libsoup2/libsoup3 in one process (Debian 12); run without --no-gupnp-stub');
    }
    throw new PeerError(`whip-client exited early (code ${exited.code}, signal ${exited.signal}): ${tail}`);
  }

  // Ctrl+C equivalent: whip-client DELETEs its resource and stops the pipeline.
  // --keep-session: SIGKILL instead, like a crashed publisher (no DELETE).
  child.kill(values['keep-session'] ? 'SIGKILL' : 'SIGINT');
  await Promise.race([exitPromise, sleep(5000)]);
  const stoppedCleanly = exited !== null && !values['keep-session'];
  if (!stoppedCleanly) child.kill('SIGKILL');

  await finish({
    url: url.href,
    location: state.location,
    connected: state.connectedAt !== null,
    ms_to_connected: state.connectedAt === null || state.answerAt === null ? null : state.connectedAt - state.answerAt,
    duration_s: duration,
    video_codec: `H264/${H264_PT}`,
    audio_codec: `opus/${OPUS_PT}`,
    trickle: values.trickle,
    delete_sent: state.deleted,
    stopped_cleanly: stoppedCleanly,
    exit_code: exited?.code ?? null,
    errors: state.errors,
  });
}

main().catch((e) => fail(e));
