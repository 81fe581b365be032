package dev.castmesh.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who a test process runs as. {@link #SELF} leaves commands as they are; {@link #user} wraps them in
 * {@code runuser -u USER -- env HOME=H TMPDIR=H}, where {@code H} is a fresh directory owned by that user
 * (GStreamer writes its registry cache under HOME, Chromium its profile under TMPDIR). {@link #close()} deletes it.
 */
final class RunAs implements AutoCloseable {
    static final RunAs SELF = new RunAs(null, null);

    private final String user;
    private final Path home;
    /** Made once per classpath: a second agent of the same user reuses the copies. */
    private final java.util.Map<String, String> readableClasspaths = new java.util.HashMap<>();

    private RunAs(String user, Path home) {
        this.user = user;
        this.home = home;
    }

    /** An existing system user (see {@code loss.SystemUsers}); needs root. */
    static RunAs user(String user) throws IOException {
        Path home = Files.createTempDirectory("castmesh-" + user + "-");
        chown(home, user);
        return new RunAs(user, home);
    }

    boolean isSelf() {
        return user == null;
    }

    List<String> wrap(List<String> command) {
        if (isSelf()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--", "env", "HOME=" + home, "TMPDIR=" + home));
        wrapped.addAll(command);
        return wrapped;
    }

    /** A directory the process can write: {@code parent/name} for {@link #SELF}, else one owned by the user in its home. */
    Path writableDir(Path parent, String name) throws IOException {
        if (isSelf()) {
            return Files.createDirectories(parent.resolve(name));
        }
        Path dir = Files.createDirectories(home.resolve(name));
        chown(dir, user);
        return dir;
    }

    /**
     * {@code classpath} with every entry the user cannot read (the Maven repository under a root-only /root, say)
     * replaced by a hard link to it (a copy across file systems) in the user's home.
     */
    synchronized String readableClasspath(String classpath) throws IOException {
        if (isSelf()) {
            return classpath;
        }
        String known = readableClasspaths.get(classpath);
        if (known != null) {
            return known;
        }
        Path copies = Files.createDirectories(home.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (entry.isEmpty() || !Files.exists(path) || worldReadable(path)) {
                entries.add(entry);
                continue;
            }
            Path copy = copies.resolve((n++) + "-" + path.getFileName());
            if (Files.isDirectory(path)) {
                copyTree(path, copy);
            } else {
                try {
                    Files.createLink(copy, path);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(path, copy);
                }
            }
            entries.add(copy.toString());
        }
        String readable = String.join(java.io.File.pathSeparator, entries);
        readableClasspaths.put(classpath, readable);
        return readable;
    }

    /**
     * {@code dir} if the user can read it, else a linked (or copied) tree of it in the user's home, made once: a
     * clone under a root-only directory (mktemp's 0700, say) must not keep the peers' scripts from the user.
     */
    synchronized Path readableDirectory(Path dir) throws IOException {
        if (isSelf() || worldReadable(dir)) {
            return dir;
        }
        Path copy = home.resolve("tree-" + dir.getFileName());
        if (!Files.exists(copy)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = copy.resolve(dir.relativize(p).toString());
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target);
                    } else {
                        try {
                            Files.createLink(target, p);
                        } catch (IOException | UnsupportedOperationException e) {
                            Files.copy(p, target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        }
                    }
                }
            }
        }
        return copy;
    }

    /** Readable by others, and every directory above it searchable by others. */
    static boolean worldReadable(Path path) throws IOException {
        Set<PosixFilePermission> own = Files.getPosixFilePermissions(path);
        if (!own.contains(PosixFilePermission.OTHERS_READ)
                || Files.isDirectory(path) && !own.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            return false;
        }
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void chown(Path path, String user) throws IOException {
        UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(path, owner);
    }

    @Override
    public String toString() {
        return isSelf() ? "(this user)" : user;
    }

    @Override
    public void close() {
        if (isSelf() || !Files.exists(home)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("RunAs: could not delete " + home + ": " + e);
        }
    }
}
