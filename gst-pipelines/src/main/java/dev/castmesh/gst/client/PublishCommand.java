package dev.castmesh.gst.client;

import dev.castmesh.gst.webrtc.WebRtcStats;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code publish URL [--source test|FILE] [--codec vp8|h264] [--token T] [--duration SECONDS]} */
public final class PublishCommand {
    static final String USAGE = "usage: publish URL [--source test|FILE] [--codec vp8|h264] [--token T]"
            + " [--duration SECONDS]";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private PublishCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        URI url;
        PublishSource source;
        CliArgs cli;
        try {
            cli = CliArgs.parse(args, Set.of("--source", "--codec", "--token", "--duration"), Set.of());
            url = cli.url("publish");
            VideoCodec codec = VideoCodec.parse(cli.option("--codec").orElse("vp8"));
            String from = cli.option("--source").orElse("test");
            if (from.equals("test")) {
                source = PublishSource.test(codec);
            } else if (Files.isReadable(Path.of(from))) {
                source = PublishSource.file(Path.of(from), codec);
            } else {
                throw new IllegalArgumentException("cannot read media file " + from);
            }
            cli.seconds("--duration");
        } catch (IllegalArgumentException e) {
            return CommandLoop.usage(e, USAGE, err);
        }
        CommandLoop loop = new CommandLoop();
        HttpSdpExchange exchange = new HttpSdpExchange(url, cli.option("--token"), TIMEOUT);
        try (WhipClient client = WhipClient.start(source, exchange, List.of(), TIMEOUT)) {
            loop.installShutdownHook();
            out.println("publishing " + source.codec() + " + OPUS to " + url + exchange.session().map(s -> " (session "
                    + s.getPath() + ")").orElse(""));
            long[] last = {0};
            Duration elapsed = loop.run(cli.seconds("--duration"), client::ended, second -> {
                WebRtcStats stats = client.stats();
                out.printf("%4ds  %-10s  %8s  %s sent%n", second, client.state(),
                        CommandLoop.kbps(stats.bytesSent() - last[0], Duration.ofSeconds(1)),
                        CommandLoop.megabytes(stats.bytesSent()));
                last[0] = stats.bytesSent();
            });
            long total = client.stats().bytesSent();
            Optional<String> error = client.error();
            client.close();
            out.printf("published %d s: %s sent, %s average%n", elapsed.toSeconds(), CommandLoop.megabytes(total),
                    CommandLoop.kbps(total, elapsed));
            return CommandLoop.result(error, err);
        } catch (Exception e) {
            return CommandLoop.report(e, err);
        } finally {
            loop.finished();
        }
    }
}
