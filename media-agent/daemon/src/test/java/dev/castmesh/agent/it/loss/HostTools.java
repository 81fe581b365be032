package dev.castmesh.agent.it.loss;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code nft}, {@code useradd} and {@code id} as processes. Fails with a message (never skips) when they are missing or
 * the JVM is not root: a loss test that silently measured a clean network would prove nothing.
 */
final class HostTools {
    private HostTools() {
    }

    /** Throws if this JVM cannot change nftables and add users. */
    static void requireRoot() {
        if (!isRoot()) {
            throw new IllegalStateException("PacketLoss needs root (it runs nft and useradd); this JVM runs as uid "
                    + uid());
        }
        for (String tool : List.of("nft", "useradd", "runuser")) {
            executable(tool);
        }
    }

    /** Runs an nft script ({@code nft -f -}); returns its stdout. */
    static String nft(String script) {
        return run(List.of(executable("nft").toString(), "-f", "-"), script);
    }

    static String nftList(String... what) {
        List<String> command = new ArrayList<>(List.of(executable("nft").toString(), "list"));
        command.addAll(List.of(what));
        return run(command, "");
    }

    /** Runs a command with {@code stdin}; its stdout, or an exception with both outputs if it exits non-zero. */
    static String run(List<String> command, String stdin) {
        Result r = exec(command, stdin);
        if (r.exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exit + ": " + r.output
                    + (stdin.isEmpty() ? "" : "\ninput:\n" + stdin));
        }
        return r.output;
    }

    record Result(int exit, String output) {
    }

    static Result exec(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within 30 s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    /** The tool on PATH or in the sbin directories (a non-login PATH may lack them). */
    static Path executable(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        String hint = tool.equals("nft") ? "apt-get install nftables (./castmesh setup --with-tests)" : "install util-linux / passwd";
        throw new IllegalStateException("PacketLoss needs `" + tool + "`, which is not installed: " + hint);
    }

    private static boolean isRoot() {
        return "0".equals(uid());
    }

    private static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst()
                    .map(l -> l.split("\\s+")[1]).orElse("?");
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        }
    }
}
