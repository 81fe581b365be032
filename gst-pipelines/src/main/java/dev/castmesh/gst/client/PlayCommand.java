package dev.castmesh.gst.client;

import dev.castmesh.gst.webrtc.WebRtcStats;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code play URL [--decode] [--out FILE] [--token T] [--duration SECONDS]} */
public final class PlayCommand {
    static final String USAGE = "usage: play URL [--decode] [--out FILE] [--token T] [--duration SECONDS]";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private PlayCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        URI url;
        WhepOptions options = WhepOptions.decode().withTimeout(TIMEOUT);
        CliArgs cli;
        try {
            cli = CliArgs.parse(args, Set.of("--out", "--token", "--duration"), Set.of("--decode"));
            url = cli.url("play");
            if (cli.option("--out").isPresent()) {
                if (cli.flag("--decode")) {
                    throw new IllegalArgumentException("--decode and --out exclude each other");
                }
                options = options.withRecording(Path.of(cli.option("--out").get()));
            }
            cli.seconds("--duration");
        } catch (IllegalArgumentException e) {
            return CommandLoop.usage(e, USAGE, err);
        }
        CommandLoop loop = new CommandLoop();
        HttpSdpExchange exchange = new HttpSdpExchange(url, cli.option("--token"), TIMEOUT);
        try (WhepClient client = WhepClient.start(exchange, options)) {
            loop.installShutdownHook();
            out.println("playing " + url + " (" + client.negotiated() + ")"
                    + options.recordTo().map(p -> ", writing " + p).orElse(", decoding"));
            long[] last = {0, 0};
            Duration elapsed = loop.run(cli.seconds("--duration"), () -> client.error().isPresent(), second -> {
                WebRtcStats stats = client.stats();
                long frames = client.videoFrames();
                out.printf("%4ds  %-10s  %5d frames (%2d fps)  %8s%n", second, client.state(), frames,
                        frames - last[0], CommandLoop.kbps(stats.bytesReceived() - last[1], Duration.ofSeconds(1)));
                last[0] = frames;
                last[1] = stats.bytesReceived();
            });
            long frames = client.videoFrames();
            long bytes = client.stats().bytesReceived();
            Optional<String> error = client.error();
            client.close();
            out.printf("played %d s: %d video frames (%.1f fps), %s received%s%n", elapsed.toSeconds(), frames,
                    frames * 1000.0 / Math.max(1, elapsed.toMillis()), CommandLoop.megabytes(bytes),
                    options.recordTo().map(p -> ", written to " + p).orElse(""));
            return CommandLoop.result(error, err);
        } catch (Exception e) {
            return CommandLoop.report(e, err);
        } finally {
            loop.finished();
        }
    }
}
