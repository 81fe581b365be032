// Keyframe detection on RTP payloads, without decoding.

/**
 * VP8 (RFC 7741). Returns true if this RTP payload starts a key frame:
 * payload descriptor with S=1 and PID=0, then the VP8 payload header whose
 * first bit P (inverse key frame flag) is 0.
 *
 *   descriptor byte 0: X R N S R PID(3)
 *   if X: byte I L T K RSV(4)
 *     if I: PictureID, 7 bits (M=0) or 15 bits (M=1, first bit of the byte)
 *     if L: TL0PICIDX (1 byte)
 *     if T or K: TID/Y/KEYIDX (1 byte)
 *   payload header byte 0: Size0(3) H(1) VER(3) P(1)   (P is the lowest bit)
 */
export function isVp8Keyframe(payload) {
  if (payload.length < 1) return false;
  const b0 = payload[0];
  const x = (b0 & 0x80) !== 0;
  const s = (b0 & 0x10) !== 0;
  const pid = b0 & 0x07;
  if (!s || pid !== 0) return false; // not the first partition of a frame
  let i = 1;
  if (x) {
    if (payload.length < 2) return false;
    const ext = payload[i++];
    const hasI = (ext & 0x80) !== 0;
    const hasL = (ext & 0x40) !== 0;
    const hasTK = (ext & 0x30) !== 0;
    if (hasI) {
      if (i >= payload.length) return false;
      i += payload[i] & 0x80 ? 2 : 1;
    }
    if (hasL) i += 1;
    if (hasTK) i += 1;
  }
  if (i >= payload.length) return false;
  return (payload[i] & 0x01) === 0;
}

/**
 * H.264 (RFC 6184). True if the payload carries (the start of) an IDR slice:
 * a single NAL unit of type 5, a STAP-A (24) containing one, or an FU-A (28)
 * whose start fragment is of type 5.
 */
export function isH264Keyframe(payload) {
  if (payload.length < 1) return false;
  const type = payload[0] & 0x1f;
  if (type === 5) return true;
  if (type === 24) {
    let i = 1;
    while (i + 2 < payload.length) {
      const size = payload.readUInt16BE(i);
      if ((payload[i + 2] & 0x1f) === 5) return true;
      i += 2 + size;
    }
    return false;
  }
  if (type === 28 && payload.length >= 2) {
    const start = (payload[1] & 0x80) !== 0;
    return start && (payload[1] & 0x1f) === 5;
  }
  return false;
}

/** Keyframe test for a codec mime type ("video/VP8", "video/H264"); null if unknown. */
export function keyframeDetector(mimeType) {
  switch ((mimeType ?? '').toLowerCase()) {
    case 'video/vp8':
      return isVp8Keyframe;
    case 'video/h264':
      return isH264Keyframe;
    default:
      return null;
  }
}
