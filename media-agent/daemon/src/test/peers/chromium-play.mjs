#!/usr/bin/env node
// WHEP viewer in headless Debian Chromium (playwright-core): recvonly video +
// audio rendered by a muted, autoplaying <video>, so frames are really decoded
// and presented. The page builds the offer and applies the answer; Node does
// the HTTP POST/DELETE, so there is no CORS involved.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseCommandLine, emit, log, fail, finish, onExit, elapsedMs, sleep,
  postOffer, deleteSession, usageError, PeerError,
} from './lib/common.mjs';

const USAGE = `usage: chromium-play.mjs URL [--token T] [--duration S] [--codec any|VP8|H264]
                         [--first-frame-only] [--expose-decoder] [--http-timeout S] [--keep-session]
  WHEP-plays URL for S seconds (default 10) counted from the moment the answer is applied.
  --codec             the only video codec offered (plus its RTX), default any: all Chromium offers
  --first-frame-only  end as soon as the first video frame is presented (S is then the timeout)
  --expose-decoder    hold a live fake-microphone track (not sent) so that getStats names the decoder`;

const { url, duration, token, httpTimeoutMs, values } = parseCommandLine(USAGE, {
  codec: { type: 'string', default: 'any' },
  'first-frame-only': { type: 'boolean', default: false },
  'expose-decoder': { type: 'boolean', default: false },
});
const codec = values.codec.toUpperCase();
if (codec !== 'ANY' && codec !== 'VP8' && codec !== 'H264') usageError(USAGE, `unknown --codec ${values.codec}`);
const firstFrameOnly = values['first-frame-only'];

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
  '--autoplay-policy=no-user-gesture-required',
];
// A presented-frame gap longer than this is a stall: 4 frame intervals of the 20 fps fake camera, and
// Chromium's freeze rule for a steady 20 fps (max(3 intervals, 1 interval + 150 ms)).
const STALL_MS = 200;
// Served by Playwright itself (page.route), like the publisher's page.
const PAGE_URL = 'http://localhost:9/castmesh-viewer.html';
const PAGE_HTML = '<!doctype html><title>castmesh viewer</title><video id="v" muted autoplay playsinline width="640" height="360"></video>';

// --- functions below run inside the page ----------------------------------

// Times are performance.now() values; offerStartedAt is the zero of every ms_offer_to_* figure.
async function pageCreateOffer({ codec, exposeDecoder, stallMs }) {
  // Chromium names decoderImplementation only while the page captures. Side effect: with capture
  // permission its host candidates carry real addresses instead of mDNS names.
  if (exposeDecoder) window.mic = await navigator.mediaDevices.getUserMedia({ audio: true });
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  window.pc = pc;
  window.marks = {
    offerStartedAt: performance.now(), gatheredAt: null, answerAppliedAt: null, iceConnectedAt: null,
    dtlsConnectedAt: null, connectedAt: null, firstFrameAt: null, lastFrameAt: null,
    presentedFrames: 0, stalls: 0, stalledMs: 0, stallMs,
  };
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'connected' && window.marks.connectedAt === null) window.marks.connectedAt = performance.now();
  });
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'connected' && window.marks.iceConnectedAt === null) window.marks.iceConnectedAt = performance.now();
  });
  const video = document.getElementById('v');
  const stream = new MediaStream();
  video.srcObject = stream;
  pc.addEventListener('track', (e) => {
    stream.addTrack(e.track);
    video.play().catch((err) => console.log('play() failed:', err.message));
  });
  const onFrame = (now, frame) => {
    const m = window.marks;
    if (m.firstFrameAt === null) m.firstFrameAt = now;
    if (m.lastFrameAt !== null && now - m.lastFrameAt > m.stallMs) {
      m.stalls += 1;
      m.stalledMs += now - m.lastFrameAt;
    }
    m.lastFrameAt = now;
    window.marks.presentedFrames = frame.presentedFrames;
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  const videoTransceiver = pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  if (codec !== 'ANY') {
    const all = RTCRtpReceiver.getCapabilities('video').codecs;
    const wanted = all.filter((c) => c.mimeType.toUpperCase() === `VIDEO/${codec}`);
    // H.264: packetization-mode=1, constrained baseline (42e0..) first, as the publisher does.
    const rank = (c) => {
      const f = c.sdpFmtpLine ?? '';
      return (f.includes('packetization-mode=1') ? 0 : 2) + (f.includes('profile-level-id=42e0') ? 0 : 1);
    };
    wanted.sort((a, b) => rank(a) - rank(b));
    const rtx = all.filter((c) => c.mimeType.toLowerCase() === 'video/rtx');
    videoTransceiver.setCodecPreferences([...wanted, ...rtx]);
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
  window.marks.gatheredAt = performance.now();
  return pc.localDescription.sdp;
}

// Applies the WHEP answer; marks when it was applied and when the DTLS transport it brings is up.
async function pageApplyAnswer(sdp) {
  await window.pc.setRemoteDescription({ type: 'answer', sdp });
  const m = window.marks;
  m.answerAppliedAt = performance.now();
  const transport = window.pc.getReceivers()[0]?.transport;
  if (!transport) return;
  const onState = () => {
    if (transport.state === 'connected' && m.dtlsConnectedAt === null) m.dtlsConnectedAt = performance.now();
  };
  transport.addEventListener('statechange', onState);
  onState();
}

// Stalls: gaps between presented frames longer than STALL_MS, and the gap since the last frame if it is
// that long. Chromium's own freeze stats miss two cases that matter under loss: a freeze counts only once
// the next frame ends it (so not one that lasts to the end), and its threshold follows the recent mean frame
// interval (so after a few long gaps, long gaps no longer count).
function pageMarks() {
  const m = window.marks;
  const since = (t) => (t === null ? null : Math.round(t - m.offerStartedAt));
  const sinceLast = m.lastFrameAt === null ? null : performance.now() - m.lastFrameAt;
  const open = sinceLast !== null && sinceLast > m.stallMs;
  return {
    ms_offer_to_gathered: since(m.gatheredAt),
    ms_offer_to_answer_applied: since(m.answerAppliedAt),
    ms_offer_to_ice_connected: since(m.iceConnectedAt),
    ms_offer_to_dtls_connected: since(m.dtlsConnectedAt),
    ms_offer_to_connected: since(m.connectedAt),
    ms_offer_to_first_frame: since(m.firstFrameAt),
    frames_presented: m.presentedFrames,
    ms_since_last_frame: sinceLast === null ? null : Math.round(sinceLast),
    stall_count: m.stalls + (open ? 1 : 0),
    ms_stalled: Math.round(m.stalledMs + (open ? sinceLast : 0)),
  };
}

async function pageStats() {
  const pc = window.pc;
  const report = await pc.getStats();
  const out = { state: pc.connectionState, video: null, audio: null };
  const codecs = {};
  report.forEach((s) => {
    if (s.type === 'codec') codecs[s.id] = `${s.mimeType.split('/')[1]}/${s.payloadType}`;
  });
  report.forEach((s) => {
    if (s.type !== 'inbound-rtp') return;
    const common = {
      codec: codecs[s.codecId] ?? null,
      packets_received: s.packetsReceived ?? 0,
      packets_lost: s.packetsLost ?? 0,
      bytes_received: s.bytesReceived ?? 0,
      jitter_buffer_delay_s: s.jitterBufferDelay ?? 0,
      jitter_buffer_emitted_count: s.jitterBufferEmittedCount ?? 0,
    };
    if (s.kind === 'video') {
      out.video = {
        ...common,
        frames_received: s.framesReceived ?? 0,
        frames_decoded: s.framesDecoded ?? 0,
        key_frames_decoded: s.keyFramesDecoded ?? 0,
        frames_dropped: s.framesDropped ?? 0,
        frame_width: s.frameWidth ?? null,
        frame_height: s.frameHeight ?? null,
        fps: s.framesPerSecond ?? null,
        freeze_count: s.freezeCount ?? 0,
        total_freezes_duration_s: s.totalFreezesDuration ?? 0,
        pause_count: s.pauseCount ?? 0,
        total_pauses_duration_s: s.totalPausesDuration ?? 0,
        nack_count: s.nackCount ?? 0,
        pli_count: s.pliCount ?? 0,
        fir_count: s.firCount ?? 0,
        retransmitted_packets_received: s.retransmittedPacketsReceived ?? 0,
        decoder: s.decoderImplementation ?? null,
      };
    } else {
      out.audio = {
        ...common,
        concealed_samples: s.concealedSamples ?? 0,
        total_samples_received: s.totalSamplesReceived ?? 0,
      };
    }
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
  await page.route(PAGE_URL, (route) => route.fulfill({ contentType: 'text/html', body: PAGE_HTML }));
  await page.goto(PAGE_URL);
  emit('browser', { ms: elapsedMs(), version: browserVersion });

  const offer = await page.evaluate(pageCreateOffer, { codec, exposeDecoder: values['expose-decoder'], stallMs: STALL_MS });
  log('offer ready, posting to', url.href);
  const postedAt = performance.now();
  const res = await postOffer(url, offer, { token, timeoutMs: httpTimeoutMs });
  const msPostToAnswer = Math.round(performance.now() - postedAt);
  let deleted = false;
  let deleteStatus = null;
  const endSession = async () => {
    if (deleted || values['keep-session']) return;
    deleted = true;
    deleteStatus = await deleteSession(res.location, { token, timeoutMs: httpTimeoutMs });
  };
  onExit(endSession);

  try {
    await page.evaluate(pageApplyAnswer, res.answer);
  } catch (e) {
    throw new PeerError(`Chromium rejected the answer: ${e.message.split('\n')[0]}`);
  }
  const answerAt = elapsedMs();
  emit('answer', { ms: answerAt, location: res.location.href, etag: res.etag, link: res.links, ms_post_to_answer: msPostToAnswer });

  let marks = await page.evaluate(pageMarks);
  let last = null;
  const deadline = answerAt + duration * 1000;
  let nextProgress = elapsedMs() + 1000;
  // Polls the page's marks every 100 ms (20 ms with --first-frame-only, to end soon after it; the
  // times themselves are taken in the page) and its getStats once a second.
  while (elapsedMs() < deadline) {
    await sleep(Math.min(firstFrameOnly ? 20 : 100, Math.max(0, deadline - elapsedMs())));
    const now = await page.evaluate(pageMarks);
    if (now.ms_offer_to_connected !== null && marks.ms_offer_to_connected === null) {
      emit('connected', { ms: elapsedMs(), ms_offer_to_connected: now.ms_offer_to_connected });
    }
    if (now.ms_offer_to_first_frame !== null && marks.ms_offer_to_first_frame === null) {
      emit('first_frame', { ms: elapsedMs(), ms_offer_to_first_frame: now.ms_offer_to_first_frame });
    }
    marks = now;
    if (firstFrameOnly && marks.ms_offer_to_first_frame !== null) break;
    if (elapsedMs() >= nextProgress) {
      nextProgress += 1000;
      last = await page.evaluate(pageStats);
      const { ms_offer_to_connected: _c, ms_offer_to_first_frame: _f, ...presented } = marks;
      emit('progress', { t: +(elapsedMs() / 1000).toFixed(3), ...presented, ...last });
    }
  }

  last = await page.evaluate(pageStats);
  marks = await page.evaluate(pageMarks);
  const viewedS = +((elapsedMs() - answerAt) / 1000).toFixed(3);
  await endSession();
  await context.close();
  await finish({
    url: url.href,
    location: res.location.href,
    browser: browserVersion,
    requested_codec: codec,
    first_frame_only: firstFrameOnly,
    connected: marks.ms_offer_to_connected !== null,
    ms_post_to_answer: msPostToAnswer,
    ...marks,
    duration_s: duration,
    viewed_s: viewedS,
    final_state: last.state,
    video: last.video,
    audio: last.audio,
    delete_status: deleteStatus,
  });
}

main().catch((e) => fail(e));
