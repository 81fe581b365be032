// Real RTP from GStreamer: gst-launch-1.0 encodes test video/audio and sends RTP
// to local UDP ports that this process reads.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { log } from './common.mjs';

/** Binds a UDP socket on 127.0.0.1 with a free port. */
export function bindUdp() {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    sock.once('error', reject);
    sock.bind(0, '127.0.0.1', () => resolve(sock));
  });
}

export function vp8Branch({ port, pt, ssrc }) {
  return (
    'videotestsrc is-live=true pattern=ball ! video/x-raw,width=640,height=360,framerate=30/1 ' +
    // gst-launch cannot react to the PLI werift receives, so a joining viewer waits for the next periodic
    // keyframe: every 15 frames (0.5 s) keeps that within the 1 s a viewer is promised.
    '! vp8enc deadline=1 keyframe-max-dist=15 target-bitrate=1000000 ' +
    `! rtpvp8pay pt=${pt} ssrc=${ssrc} mtu=1200 ! udpsink host=127.0.0.1 port=${port}`
  );
}

export function opusBranch({ port, pt, ssrc }) {
  return (
    'audiotestsrc is-live=true wave=sine freq=440 ! audioconvert ! audioresample ' +
    `! opusenc ! rtpopuspay pt=${pt} ssrc=${ssrc} mtu=1200 ! udpsink host=127.0.0.1 port=${port}`
  );
}

/**
 * Starts gst-launch-1.0 with the given pipeline branches. `onExit(code)` is
 * called if the process ends before stop() was called.
 */
export function startGst(branches, onUnexpectedExit) {
  // gst-launch escapes spaces inside each argv element: pass one token per argv element.
  const args = ['-q', ...branches.join(' ').split(/\s+/).filter(Boolean)];
  log('gst-launch-1.0', args.join(' '));
  const child = spawn('gst-launch-1.0', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stopping = false;
  child.stderr.on('data', (d) => process.stderr.write(`[gst] ${d}`));
  child.on('error', (e) => !stopping && onUnexpectedExit(`cannot start gst-launch-1.0: ${e.message}`));
  child.on('exit', (code, signal) => {
    if (!stopping) onUnexpectedExit(`gst-launch-1.0 exited early (code ${code}, signal ${signal})`);
  });
  return {
    stop() {
      if (stopping) return Promise.resolve();
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const t = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
