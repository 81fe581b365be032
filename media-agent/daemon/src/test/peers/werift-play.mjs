#!/usr/bin/env node
// WHEP viewer on werift: recvonly video + audio. Counts RTP packets, bytes and
// video frames/keyframes per kind; with --no-ice it posts the offer and then
// never completes ICE (a stuck viewer).
import {
  parseCommandLine, emit, log, fail, finish, onExit, elapsedMs, sleep,
  postOffer, deleteSession, usageError,
} from './lib/common.mjs';
import { GenericNack, RtcpTransportLayerFeedback } from 'werift';
import { createPeer, createCompleteOffer, codecName, VP8, H264, RTX, OPUS } from './lib/werift-peer.mjs';
import { keyframeDetector } from './lib/keyframe.mjs';
import { FrameCompleteness } from './lib/frame-completeness.mjs';

const USAGE = `usage: werift-play.mjs URL [--token T] [--duration S] [--codec any|VP8|H264]
                       [--no-ice] [--send-pli] [--rtx] [--pli-on-freeze] [--http-timeout S] [--keep-session]
  WHEP-plays URL for S seconds (default 10) and counts RTP per kind.
  --codec     video codecs offered (default any = VP8 then H264)
  --no-ice    get the answer but never complete ICE (stays alive, answers no STUN check)
  --send-pli  send a PLI every second until the first keyframe arrives (off by default)
  --rtx       also offer RTX for each video codec, so NACKed packets can be retransmitted
  --pli-on-freeze  send a PLI when the picture has stood still for 300 ms (no decodable frame), at most one a
              second, as a player does
  --nack-flood N  a hostile viewer: send N NACKs a second, each naming the 16 video packets received last
              (all in the sender's history), and count the retransmissions that come back (repeated_packets)`;

const { url, duration, token, httpTimeoutMs, values } = parseCommandLine(USAGE, {
  codec: { type: 'string', default: 'any' },
  'no-ice': { type: 'boolean', default: false },
  'send-pli': { type: 'boolean', default: false },
  rtx: { type: 'boolean', default: false },
  'pli-on-freeze': { type: 'boolean', default: false },
  'nack-flood': { type: 'string', default: '0' },
});
const NACK_FLOOD_PER_SECOND = Number(values['nack-flood']);
if (!Number.isInteger(NACK_FLOOD_PER_SECOND) || NACK_FLOOD_PER_SECOND < 0 || NACK_FLOOD_PER_SECOND > 1000) {
  usageError(USAGE, `--nack-flood takes 0 to 1000 NACKs a second, got ${values['nack-flood']}`);
}
const FLOOD_SEQS = 16;
const FREEZE_MS = 300;

const offered = { any: () => [VP8(), H264()], vp8: () => [VP8()], h264: () => [H264()] }[values.codec.toLowerCase()];
if (!offered) usageError(USAGE, `unknown --codec ${values.codec}`);
const withRtx = (codecs) => codecs.flatMap((c) => [c, RTX(c.payloadType + 1, c.payloadType)]);
const videoCodecs = () => (values.rtx ? withRtx(offered()) : offered());
const noIce = values['no-ice'];

function newKindStats() {
  return { codec: null, packets: 0, bytes: 0, ms_to_first_rtp: null, seq_gaps: 0 };
}

async function main() {
  const stats = {
    video: { ...newKindStats(), frames: 0, frames_complete: 0, frames_decodable: 0, keyframes: 0,
      ms_to_first_keyframe: null, late_packets: 0, nacks_sent: 0, nacked_packets: 0, plis_on_freeze: 0,
      flood_nacks_sent: 0, repeated_packets: 0 },
    audio: newKindStats(),
  };
  const completeness = new FrameCompleteness();
  const nacked = new Set();
  const videoStats = () => {
    const frames = completeness.count();
    stats.video.frames_complete = frames.complete;
    stats.video.frames_decodable = frames.decodable;
    stats.video.late_packets = completeness.late;
    stats.video.nacked_packets = nacked.size;
    return stats.video;
  };
  let answerAt = null;
  const sinceAnswer = () => elapsedMs() - answerAt;

  // --no-ice: never answer a connectivity check, like a peer behind a black hole.
  const extra = noIce ? { iceFilterStunResponse: () => false } : {};
  const pc = createPeer({ video: videoCodecs(), audio: [OPUS()], extra });
  onExit(() => pc.close());
  const transceivers = {
    video: pc.addTransceiver('video', { direction: 'recvonly' }),
    audio: pc.addTransceiver('audio', { direction: 'recvonly' }),
  };
  transceivers.video.receiver.onPacketLost.subscribe((nack) => {
    stats.video.nacks_sent++;
    nack.lost.forEach((seq) => nacked.add(seq));
  });
  let videoSsrc = null;
  const recentSeqs = []; // the last FLOOD_SEQS video sequence numbers received, for --nack-flood
  const seenSeqs = new Set(); // every video sequence number received: a second arrival is a retransmission
  if (NACK_FLOOD_PER_SECOND > 0) {
    const senderSsrc = 0x4e41434b;
    const flood = setInterval(() => {
      if (videoSsrc === null || recentSeqs.length === 0) return;
      const nack = new GenericNack({ senderSsrc, mediaSourceSsrc: videoSsrc, lost: [...recentSeqs] });
      stats.video.flood_nacks_sent++;
      transceivers.video.receiver.dtlsTransport.sendRtcp([new RtcpTransportLayerFeedback({ feedback: nack })]);
    }, 1000 / NACK_FLOOD_PER_SECOND);
    onExit(() => clearInterval(flood));
  }
  if (values['pli-on-freeze']) {
    let lastPli = -Infinity;
    const watch = setInterval(() => {
      const now = elapsedMs();
      if (videoSsrc === null || now - lastPli < 1000 || !completeness.count(now, FREEZE_MS).broken) return;
      lastPli = now;
      stats.video.plis_on_freeze++;
      transceivers.video.receiver.sendRtcpPLI(videoSsrc);
    }, 100);
    onExit(() => clearInterval(watch));
  }

  let connectedAt = null;
  pc.connectionStateChange.subscribe((state) => {
    log('connection state', state);
    if (state === 'connected' && connectedAt === null) {
      connectedAt = elapsedMs();
      emit('connected', { ms: connectedAt });
    }
  });

  pc.onTrack.subscribe((track) => {
    const kind = track.kind;
    const s = stats[kind];
    const transceiver = transceivers[kind];
    let lastSeq = null;
    let lastKeyTs = null;
    let pliTimer = null;
    log('track', kind);
    track.onReceiveRtp.subscribe((rtp) => {
      const { header, payload } = rtp;
      const codec = transceiver.codecs.find((c) => c.payloadType === header.payloadType);
      if (!codec || codec.name.toLowerCase() === 'rtx') return; // unknown, or RTX werift could not unwrap: not media
      if (s.packets === 0) {
        s.ms_to_first_rtp = sinceAnswer();
        s.codec = codecName(codec);
        emit('first_rtp', { ms: elapsedMs(), kind, codec: s.codec, ms_since_answer: s.ms_to_first_rtp });
        if (kind === 'video' && values['send-pli']) {
          const pli = () => stats.video.keyframes === 0 && transceiver.receiver.sendRtcpPLI(header.ssrc);
          pli();
          pliTimer = setInterval(pli, 1000);
          onExit(() => clearInterval(pliTimer));
        }
      }
      s.packets++;
      s.bytes += header.serializeSize + payload.length;
      if (lastSeq !== null) {
        const delta = (header.sequenceNumber - lastSeq + 0x10000) & 0xffff;
        if (delta > 1 && delta < 0x8000) s.seq_gaps += delta - 1;
      }
      if (lastSeq === null || ((header.sequenceNumber - lastSeq + 0x10000) & 0xffff) < 0x8000) {
        lastSeq = header.sequenceNumber;
      }
      if (kind !== 'video') return;
      videoSsrc = header.ssrc;
      if (seenSeqs.has(header.sequenceNumber)) {
        stats.video.repeated_packets++;
      } else {
        seenSeqs.add(header.sequenceNumber);
        seenSeqs.delete((header.sequenceNumber + 0x8000) & 0xffff); // half a wrap ago: may come again
        recentSeqs.push(header.sequenceNumber);
        if (recentSeqs.length > FLOOD_SEQS) recentSeqs.shift();
      }
      if (header.marker) s.frames++;
      const isKey = keyframeDetector(codec.mimeType);
      const keyStart = Boolean(isKey && isKey(payload));
      completeness.add(header, elapsedMs(), keyStart);
      if (keyStart && header.timestamp !== lastKeyTs) {
        lastKeyTs = header.timestamp;
        s.keyframes++;
        if (s.keyframes === 1) {
          s.ms_to_first_keyframe = sinceAnswer();
          clearInterval(pliTimer);
          emit('first_keyframe', { ms: elapsedMs(), codec: s.codec, ms_since_answer: s.ms_to_first_keyframe });
        }
      }
    });
  });

  const offer = await createCompleteOffer(pc);
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

  if (!noIce) await pc.setRemoteDescription({ type: 'answer', sdp: res.answer });
  answerAt = elapsedMs();
  const answered = {};
  if (!noIce) {
    for (const kind of ['video', 'audio']) answered[kind] = codecName(transceivers[kind].codecs?.[0]);
  }
  emit('answer', {
    ms: answerAt,
    location: res.location.href,
    etag: res.etag,
    link: res.links,
    applied: !noIce,
    video_codec: answered.video ?? null,
    audio_codec: answered.audio ?? null,
  });

  const deadline = duration * 1000;
  while (elapsedMs() < deadline) {
    await sleep(Math.min(1000, deadline - elapsedMs()));
    emit('progress', { t: +(elapsedMs() / 1000).toFixed(3), state: pc.connectionState, video: videoStats(), audio: stats.audio });
  }

  await endSession();
  await pc.close();
  await finish({
    url: url.href,
    location: res.location.href,
    no_ice: noIce,
    connected: connectedAt !== null,
    ms_to_connected: connectedAt === null ? null : connectedAt - answerAt,
    ms_to_first_rtp: minOrNull(stats.video.ms_to_first_rtp, stats.audio.ms_to_first_rtp),
    ms_to_first_keyframe: stats.video.ms_to_first_keyframe,
    keyframes: stats.video.keyframes,
    duration_s: duration,
    rtx_offered: values.rtx,
    pli_on_freeze: values['pli-on-freeze'],
    video: videoStats(),
    audio: stats.audio,
    delete_status: deleteStatus,
  });
}

function minOrNull(...xs) {
  const v = xs.filter((x) => x !== null);
  return v.length ? Math.min(...v) : null;
}

main().catch((e) => fail(e));
