// Which video frames arrived whole, and which a decoder could have shown, from RTP headers alone (no
// depacketizing, no decoding).
//
// A frame is the run of packets with one RTP timestamp that ends with the marker bit. It is complete when its
// marker packet arrived and so did every packet before it back to the frame's start: a packet that starts a key
// frame, or the last packet of another timestamp. All of them must arrive within `windowMs` of the frame's first
// arrival (about what a player's jitter buffer waits for a retransmission). A frame next to a packet that never
// arrived is not complete (its start is unknown), so the count is conservative by at most one frame per packet
// that stays lost.
//
// A frame is decodable when it is complete and is a key frame or follows a decodable frame: every inter frame
// is assumed to refer to the one before it (VP8's and H.264's usual case), so one frame that stays broken costs
// every frame until the next key frame, as it does a real decoder.
//
// `late` counts packets that arrived after a higher sequence number: on loopback there is no reordering, so
// these are retransmissions (RTX, unwrapped by werift) or packets the sender repeated.

const HALF = 0x8000;

export class FrameCompleteness {
  constructor(windowMs = 1000) {
    this.windowMs = windowMs;
    this.packets = new Map(); // extended sequence number -> { timestamp, at, keyStart }
    this.markers = [];
    this.highest = null;
    this.late = 0;
    this.duplicates = 0;
  }

  /** One video RTP packet (werift's header) that arrived at `at` ms; `keyStart` if it starts a key frame. */
  add(header, at, keyStart) {
    const seq = this.#extend(header.sequenceNumber);
    if (this.packets.has(seq)) {
      this.duplicates++;
      return;
    }
    if (this.highest !== null && seq < this.highest) this.late++;
    if (this.highest === null || seq > this.highest) this.highest = seq;
    this.packets.set(seq, { timestamp: header.timestamp, at, keyStart });
    if (header.marker) this.markers.push(seq);
  }

  /**
   * Frames complete and decodable so far, and whether the decodable chain is broken at the newest frame whose
   * marker arrived at least `settleMs` before `now` (a player would be showing a frozen picture).
   */
  count(now = Infinity, settleMs = 0) {
    let complete = 0;
    let decodable = 0;
    let chain = false;
    let settledChain = true;
    for (const end of [...this.markers].sort((a, b) => a - b)) {
      const frame = this.#frame(end);
      if (frame.complete) complete++;
      chain = frame.complete && (frame.key || chain);
      if (chain) decodable++;
      if (frame.markerAt <= now - settleMs) settledChain = chain;
    }
    return { complete, decodable, broken: !settledChain };
  }

  #frame(end) {
    const last = this.packets.get(end);
    let first = last.at;
    let done = last.at;
    let key = last.keyStart;
    let start = last.keyStart;
    let seq = end - 1;
    let p;
    while (!start && (p = this.packets.get(seq)) !== undefined && p.timestamp === last.timestamp) {
      first = Math.min(first, p.at);
      done = Math.max(done, p.at);
      key = start = p.keyStart;
      seq--;
    }
    const bounded = start || p !== undefined;
    return { complete: bounded && done - first <= this.windowMs, key, markerAt: last.at };
  }

  /** The 16-bit sequence number as a number that keeps growing across wrap-arounds. */
  #extend(seq16) {
    if (this.highest === null) return seq16 + 0x10000; // room to go back before the first packet
    const delta = ((seq16 - (this.highest & 0xffff) + HALF) & 0xffff) - HALF;
    return this.highest + delta;
  }
}
