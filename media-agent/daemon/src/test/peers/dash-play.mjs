#!/usr/bin/env node
// DASH player in headless Debian Chromium: dash.js (npm `dashjs`, Akamai/DASH-IF's reference
// player) plays an MPD and reports how far playback got. The page is served by Playwright on the
// MPD's own origin, so the player's requests are same-origin; dash.js adds --token to each as a header.
import { chromium } from 'playwright-core';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine, emit, log, finish, onExit, sleep, usageError } from './lib/common.mjs';

const USAGE = `usage: dash-play.mjs MPD_URL [--token T] [--duration S] [--until SECONDS]
  Plays MPD_URL with dash.js for at most S seconds (default 30); stops early once the media
  time passes --until (default 5). Result: current_time_s, duration_s, the MSE support of the
  recorded codecs, and the player's errors.`;

const { url, duration, token, values } = parseCommandLine(USAGE, {
  until: { type: 'string', default: '5' },
});
const until = Number(values.until);
if (!(until > 0)) usageError(USAGE, '--until must be a positive number of seconds');

const require = createRequire(import.meta.url);
const DASH_JS = readFileSync(require.resolve('dashjs/dist/dash.all.min.js'), 'utf8');
const mpd = new URL(url);
const PAGE_URL = `${mpd.origin}/__castmesh-dash-player.html`;
const PAGE = `<!doctype html><html><body><video id="v" muted autoplay playsinline></video>
<script>${DASH_JS}</script>
<script>
  window.errors = [];
  window.player = dashjs.MediaPlayer().create();
  window.player.updateSettings({ debug: { logLevel: dashjs.Debug.LOG_LEVEL_WARNING } });
  window.player.on(dashjs.MediaPlayer.events.ERROR, (e) => window.errors.push(JSON.stringify(e.error ?? e)));
  const TOKEN = ${JSON.stringify(token ?? null)};
  if (TOKEN) {
    // As a web app sends a token: on each of dash.js's own requests (Chromium keeps it across a redirect).
    window.player.extend('RequestModifier', () => ({
      modifyRequestHeader: (xhr) => { xhr.setRequestHeader('Authorization', 'Bearer ' + TOKEN); return xhr; },
      modifyRequestURL: (u) => u,
    }), true);
  }
  window.player.initialize(document.getElementById('v'), ${JSON.stringify(url)}, true);
</script></body></html>`;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'castmesh-dash-'));
onExit(() => rmSync(userDataDir, { recursive: true, force: true }));

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required',
    // The page is served by Playwright, so Chromium gives it no address space of its own: a redirect from the MPD's
    // origin to another loopback origin (a presigned S3 URL) would be a Local Network Access request and refused.
    '--disable-features=LocalNetworkAccessChecks'],
});
onExit(() => context.close());
const page = await context.newPage();
page.on('console', (m) => log('page:', m.text()));
await page.route(PAGE_URL, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
await page.goto(PAGE_URL);
const support = await page.evaluate(() => ({
  h264: MediaSource.isTypeSupported('video/mp4; codecs="avc1.42e01f"'),
  opus: MediaSource.isTypeSupported('audio/mp4; codecs="opus"'),
}));
emit('loaded', { mse: support });

const deadline = Date.now() + duration * 1000;
let state = { current_time_s: 0 };
while (Date.now() < deadline) {
  state = await page.evaluate(() => {
    const v = document.getElementById('v');
    return {
      current_time_s: v.currentTime,
      duration_s: Number.isFinite(v.duration) ? v.duration : null,
      ready_state: v.readyState,
      video_width: v.videoWidth,
      decoded_frames: v.getVideoPlaybackQuality?.().totalVideoFrames ?? null,
      errors: window.errors,
    };
  });
  if (state.current_time_s > until || state.errors.length > 0) break;
  await sleep(250);
}
log('dash.js state:', JSON.stringify(state));
await finish({ ...state, mse: support });
