#!/usr/bin/env node
// WHIP publisher in headless Debian Chromium (playwright-core): getUserMedia
// fake camera + microphone. The page builds the offer and applies the answer;
// Node does the HTTP POST/DELETE, so there is no CORS involved.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseCommandLine, emit, log, fail, finish, onExit, elapsedMs, sleep,
  postOffer, deleteSession, usageError, PeerError,
} from './lib/common.mjs';

const USAGE = `usage: chromium-publish.mjs URL [--token T] [--duration S] [--codec VP8|H264]
                            [--http-timeout S] [--keep-session]
  WHIP-publishes Chromium's fake camera + microphone to URL for S seconds (default 10).
  --codec  the only video codec offered (plus its RTX), default VP8`;

const { url, duration, token, httpTimeoutMs, values } = parseCommandLine(USAGE, {
  codec: { type: 'string', default: 'VP8' },
});
const codec = values.codec.toUpperCase();
if (codec !== 'VP8' && codec !== 'H264') usageError(USAGE, `unknown --codec ${values.codec}`);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
];
// getUserMedia needs a secure context; http://localhost is one. Playwright
// serves this page itself (page.route), nothing listens on that port.
const PAGE_URL = 'http://localhost:9/castmesh-publisher.html';

// --- functions below run inside the page ----------------------------------

async function pageCreateOffer(codec) {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: 640, height: 360, frameRate: 30 },
    audio: true,
  });
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  window.pc = pc;
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'connected' && !window.connectedAtEpoch) window.connectedAtEpoch = Date.now();
  });
  for (const track of stream.getTracks()) {
    const t = pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    if (track.kind === 'video') {
      const all = RTCRtpSender.getCapabilities('video').codecs;
      const wanted = all.filter((c) => c.mimeType.toUpperCase() === `VIDEO/${codec}`);
      // H.264: packetization-mode=1, constrained baseline (42e0..) first.
      const rank = (c) => {
        const f = c.sdpFmtpLine ?? '';
        return (f.includes('packetization-mode=1') ? 0 : 2) + (f.includes('profile-level-id=42e0') ? 0 : 1);
      };
      wanted.sort((a, b) => rank(a) - rank(b));
      const rtx = all.filter((c) => c.mimeType.toLowerCase() === 'video/rtx');
      t.setCodecPreferences([...wanted, ...rtx]);
    }
  }
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== 'complete') {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 5000);
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }
  return pc.localDescription.sdp;
}

async function pageStats() {
  const pc = window.pc;
  const report = await pc.getStats();
  const out = {
    state: pc.connectionState,
    connected_at_epoch: window.connectedAtEpoch ?? null,
    available_outgoing_bitrate: null,
    video: null,
    audio: null,
  };
  const codecs = {};
  const fmtps = {};
  let selectedPair = null;
  report.forEach((s) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) selectedPair = s.selectedCandidatePairId;
    if (s.type !== 'codec') return;
    codecs[s.id] = `${s.mimeType.split('/')[1]}/${s.payloadType}`;
    fmtps[s.id] = s.sdpFmtpLine ?? null;
  });
  const pair = selectedPair ? report.get(selectedPair) : null;
  out.available_outgoing_bitrate = pair?.availableOutgoingBitrate ?? null;
  report.forEach((s) => {
    if (s.type !== 'outbound-rtp') return;
    const o = { codec: codecs[s.codecId] ?? null, packets_sent: s.packetsSent, bytes_sent: s.bytesSent };
    if (s.kind === 'video') {
      Object.assign(o, {
        codec_fmtp: fmtps[s.codecId] ?? null,
        frames_encoded: s.framesEncoded,
        frames_sent: s.framesSent,
        key_frames_encoded: s.keyFramesEncoded,
        frame_width: s.frameWidth ?? null,
        frame_height: s.frameHeight ?? null,
        fps: s.framesPerSecond ?? null,
        pli_received: s.pliCount,
        nack_received: s.nackCount,
        fir_received: s.firCount ?? 0,
        retransmitted_packets_sent: s.retransmittedPacketsSent ?? 0,
        target_bitrate: s.targetBitrate ?? null,
        quality_limitation_reason: s.qualityLimitationReason ?? null,
        encoder: s.encoderImplementation ?? null,
      });
    }
    out[s.kind] = o;
  });
  return out;
}

// --- Node side --------------------------------------------------------------

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'castmesh-chromium-'));
  onExit(() => rmSync(profile, { recursive: true, force: true }));
  log('launching', CHROMIUM, 'profile', profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // Our own SIGINT/SIGTERM handler DELETEs the session first, then closes the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onExit(() => context.close());
  const browserVersion = context.browser()?.version() ?? null;
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => log('[page]', m.text()));
  await page.route(PAGE_URL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>castmesh publisher</title>' }),
  );
  await page.goto(PAGE_URL);
  emit('browser', { ms: elapsedMs(), version: browserVersion });

  const offer = await page.evaluate(pageCreateOffer, codec);
  log('offer ready, posting to', url.href);
  const res = await postOffer(url, offer, { token, timeoutMs: httpTimeoutMs });
  let deleted = false;
  let deleteStatus = null;
  const endSession = async () => {
    if (deleted || values['keep-session']) return;
    deleted = true;
    deleteStatus = await deleteSession(res.location, { token, timeoutMs: httpTimeoutMs });
  };
  onExit(endSession);

  try {
    await page.evaluate((sdp) => window.pc.setRemoteDescription({ type: 'answer', sdp }), res.answer);
  } catch (e) {
    throw new PeerError(`Chromium rejected the answer: ${e.message.split('\n')[0]}`);
  }
  const answerAt = elapsedMs();
  emit('answer', { ms: answerAt, location: res.location.href, etag: res.etag, link: res.links });

  let connectedAt = null;
  let last = null;
  const deadline = duration * 1000;
  while (elapsedMs() < deadline) {
    await sleep(Math.min(1000, deadline - elapsedMs()));
    const { connected_at_epoch: epoch, ...stats } = await page.evaluate(pageStats);
    last = stats;
    if (epoch && connectedAt === null) {
      connectedAt = epochToElapsed(epoch);
      emit('connected', { ms: connectedAt });
    }
    emit('progress', { t: +(elapsedMs() / 1000).toFixed(3), ...stats });
  }

  const { connected_at_epoch: epoch, ...stats } = await page.evaluate(pageStats);
  last = stats;
  if (epoch && connectedAt === null) connectedAt = epochToElapsed(epoch);
  await endSession();
  await context.close();
  await finish({
    url: url.href,
    location: res.location.href,
    browser: browserVersion,
    requested_codec: codec,
    connected: connectedAt !== null,
    ms_to_connected: connectedAt === null ? null : connectedAt - answerAt,
    duration_s: duration,
    final_state: last.state,
    available_outgoing_bitrate: last.available_outgoing_bitrate,
    video: last.video,
    audio: last.audio,
    delete_status: deleteStatus,
  });
}

/** Converts a Date.now() value taken in the page into ms since this script started. */
function epochToElapsed(epoch) {
  return elapsedMs() - (Date.now() - epoch);
}

main().catch((e) => fail(e));
