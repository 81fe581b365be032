// werift peer connection set up for loopback tests, plus the codecs we offer.
import { RTCPeerConnection, RTCRtpCodecParameters, useNACK, usePLI, useREMB } from 'werift';
import { waitFor } from './common.mjs';

export const VP8 = () =>
  new RTCRtpCodecParameters({
    mimeType: 'video/VP8',
    clockRate: 90000,
    payloadType: 96,
    rtcpFeedback: [useNACK(), usePLI(), useREMB()],
  });

export const H264 = () =>
  new RTCRtpCodecParameters({
    mimeType: 'video/H264',
    clockRate: 90000,
    payloadType: 102,
    rtcpFeedback: [useNACK(), usePLI(), useREMB()],
    parameters: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f',
  });

/** RTX (RFC 4588) for the video format with payload type `apt`: werift unwraps retransmissions into the track. */
export const RTX = (payloadType, apt) =>
  new RTCRtpCodecParameters({
    mimeType: 'video/rtx',
    clockRate: 90000,
    payloadType,
    parameters: `apt=${apt}`,
  });

export const OPUS = () =>
  new RTCRtpCodecParameters({
    mimeType: 'audio/opus',
    clockRate: 48000,
    channels: 2,
    payloadType: 111,
    parameters: 'minptime=10;useinbandfec=1',
  });

/**
 * A werift RTCPeerConnection that gathers IPv4 host candidates only, including
 * 127.0.0.1 (werift skips loopback unless told), no STUN/TURN. max-bundle: one
 * ICE transport, the same candidates on every m-line, as browsers do (werift's
 * default gathers a separate port per m-line even inside the BUNDLE group).
 */
export function createPeer({ video, audio, extra = {} }) {
  return new RTCPeerConnection({
    codecs: { video, audio },
    iceServers: [],
    bundlePolicy: 'max-bundle',
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
    ...extra,
  });
}

/** Creates the offer, applies it and waits for ICE gathering (non-trickle WHIP/WHEP). */
export async function createCompleteOffer(pc, timeoutMs = 5000) {
  await pc.setLocalDescription(await pc.createOffer());
  const done = await waitFor(() => pc.iceGatheringState === 'complete', timeoutMs);
  if (!done) throw new Error(`ICE gathering did not complete within ${timeoutMs} ms`);
  return pc.localDescription.sdp;
}

/** Short description of the negotiated codec of a transceiver, e.g. "VP8/96". */
export function codecName(codec) {
  return codec ? `${codec.mimeType.split('/')[1]}/${codec.payloadType}` : null;
}
