#!/usr/bin/env node
// WHIP publisher on werift: sendonly VP8 + Opus. The media is real RTP made by
// gst-launch-1.0 (videotestsrc/audiotestsrc) sent to local UDP ports and
// forwarded with track.writeRtp().
import { MediaStreamTrack, RtpPacket } from 'werift';
import {
  parseCommandLine, emit, log, fail, finish, onExit, elapsedMs, sleep, waitFor,
  postOffer, deleteSession, PeerError,
} from './lib/common.mjs';
import { createPeer, createCompleteOffer, codecName, VP8, OPUS } from './lib/werift-peer.mjs';
import { bindUdp, startGst, vp8Branch, opusBranch } from './lib/gst-source.mjs';

const USAGE = `usage: werift-publish.mjs URL [--token T] [--duration S] [--http-timeout S] [--keep-session]
  WHIP-publishes VP8 + Opus test media from gst-launch-1.0 to URL for S seconds (default 10).`;

const { url, duration, token, httpTimeoutMs, values } = parseCommandLine(USAGE);

async function main() {
  const kinds = ['video', 'audio'];
  const stats = {};
  for (const kind of kinds) {
    stats[kind] = { codec: null, packets_from_source: 0, packets_sent: 0, bytes_sent: 0, pli_received: 0 };
  }

  const pc = createPeer({ video: [VP8()], audio: [OPUS()] });
  onExit(() => pc.close());
  const tracks = {};
  const transceivers = {};
  for (const kind of kinds) {
    tracks[kind] = new MediaStreamTrack({ kind });
    transceivers[kind] = pc.addTransceiver(tracks[kind], { direction: 'sendonly' });
  }
  transceivers.video.sender.onPictureLossIndication.subscribe(() => {
    stats.video.pli_received++;
    log('PLI received');
  });

  let connectedAt = null;
  pc.connectionStateChange.subscribe((state) => {
    log('connection state', state);
    if (state === 'connected' && connectedAt === null) {
      connectedAt = elapsedMs();
      emit('connected', { ms: connectedAt });
    }
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

  await pc.setRemoteDescription({ type: 'answer', sdp: res.answer });
  const answerAt = elapsedMs();
  for (const kind of kinds) stats[kind].codec = codecName(transceivers[kind].sender.codec);
  emit('answer', {
    ms: answerAt,
    location: res.location.href,
    etag: res.etag,
    link: res.links,
    video_codec: stats.video.codec,
    audio_codec: stats.audio.codec,
  });
  for (const kind of kinds) {
    if (!transceivers[kind].sender.codec) throw new PeerError(`the answer accepted no ${kind} codec`);
  }

  // RTP from GStreamer -> werift track. werift rewrites SSRC, sequence numbers
  // and the payload type to the negotiated ones.
  const sockets = {};
  for (const kind of kinds) {
    sockets[kind] = await bindUdp();
    onExit(() => sockets[kind].close());
    sockets[kind].on('message', (buf) => {
      stats[kind].packets_from_source++;
      if (pc.connectionState === 'connected') tracks[kind].writeRtp(RtpPacket.deSerialize(buf));
    });
  }

  const deadline = duration * 1000;
  const connected = await waitFor(() => connectedAt !== null || pc.connectionState === 'failed',
    Math.max(0, deadline - elapsedMs()));
  let gst = null;
  if (connectedAt !== null) {
    // Start the encoder once connected so the first frame sent is a keyframe.
    gst = startGst(
      [
        vp8Branch({ port: sockets.video.address().port, pt: 96, ssrc: 1111 }),
        opusBranch({ port: sockets.audio.address().port, pt: 111, ssrc: 2222 }),
      ],
      (why) => fail(new PeerError(why)),
    );
    onExit(() => gst.stop());
  } else {
    log(connected ? 'connection failed' : 'not connected before the deadline');
  }

  const readSenderStats = async () => {
    for (const kind of kinds) {
      const report = await transceivers[kind].sender.getStats();
      for (const s of report.values()) {
        if (s.type === 'outbound-rtp') {
          stats[kind].packets_sent = s.packetsSent ?? 0;
          stats[kind].bytes_sent = s.bytesSent ?? 0;
        }
      }
    }
  };
  while (elapsedMs() < deadline) {
    await sleep(Math.min(1000, deadline - elapsedMs()));
    await readSenderStats();
    emit('progress', { t: +(elapsedMs() / 1000).toFixed(3), state: pc.connectionState, video: stats.video, audio: stats.audio });
  }

  if (gst) await gst.stop();
  await sleep(100);
  await readSenderStats();
  await endSession();
  await pc.close();
  await finish({
    url: url.href,
    location: res.location.href,
    connected: connectedAt !== null,
    ms_to_connected: connectedAt === null ? null : Math.max(0, connectedAt - answerAt),
    duration_s: duration,
    video: stats.video,
    audio: stats.audio,
    delete_status: deleteStatus,
  });
}

main().catch((e) => fail(e));
