package dev.castmesh.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Objects as files under a root directory: key {@code a/b/c.m4s} is {@code root/a/b/c.m4s}. Writes go to a hidden
 * temporary file ({@code .name.*.tmp}) in the target's directory, are forced to disk and renamed over the target, so
 * readers never see a partial object. Reads refuse files whose real path (symbolic links resolved) is outside the
 * root. The ETag is derived from size and modification time.
 */
public final class FsObjectStore implements ObjectStore {
    private static final String TEMP_SUFFIX = ".tmp";
    private final Path root;
    private final Path realRoot;

    private FsObjectStore(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    /** Opens (and creates) the root directory. */
    public static FsObjectStore open(Path root) throws StorageException {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            return new FsObjectStore(absolute, absolute.toRealPath());
        } catch (IOException e) {
            throw new StorageException("cannot create storage root " + absolute + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = pathOf(key);
        writeAtomically(target, out -> Files.copy(file, out));
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        Path target = pathOf(key);
        writeAtomically(target, out -> out.write(content));
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
        Path file = pathOf(key);
        if (!isInsideRoot(file)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(info(key, attributes)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ObjectContent> get(String key, ByteRange range) throws IOException {
        Path file = pathOf(key);
        if (!isInsideRoot(file)) {
            return Optional.empty();
        }
        FileChannel channel;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            long size = channel.size();
            ObjectInfo info = new ObjectInfo(key, size, etag(size, attributes), attributes.lastModifiedTime().toInstant());
            ByteRange served = range != null ? range.clip(size) : size == 0 ? null : new ByteRange(0, size - 1);
            long length = served == null ? 0 : served.length();
            if (served != null) {
                channel.position(served.first());
            }
            InputStream stream = new BoundedInputStream(Channels.newInputStream(channel), length);
            return Optional.of(new ObjectContent(info, served, length, stream));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        String directoryPart = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
        Path start = directoryPart.isEmpty() ? root : pathOf(directoryPart);
        if (!Files.isDirectory(start) || !isInsideRoot(start)) {
            return List.of();
        }
        List<ObjectInfo> found = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String key = keyOf(file);
                if (attributes.isRegularFile() && key.startsWith(prefix) && !isTemporary(file)) {
                    found.add(info(key, attributes));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(ObjectInfo::key));
        return found;
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl) {
        ObjectKeys.check(key);
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "fs:" + root;
    }

    @Override
    public void close() {
    }

    /** The file of a key; it is under the root by construction (the key has no '..', '.', empty or absolute part). */
    private Path pathOf(String key) {
        Path file = root.resolve(ObjectKeys.check(key)).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new BadObjectKeyException("object key leaves the storage root");
        }
        return file;
    }

    /** False when a symbolic link takes the existing file (or directory) outside the root. */
    private boolean isInsideRoot(Path file) throws IOException {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    private static ObjectInfo info(String key, BasicFileAttributes attributes) {
        return new ObjectInfo(key, attributes.size(), etag(attributes.size(), attributes),
                attributes.lastModifiedTime().toInstant());
    }

    private static String etag(long size, BasicFileAttributes attributes) {
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(attributes.lastModifiedTime().toMillis())
                + "\"";
    }

    private interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private void writeAtomically(Path target, Writer writer) throws IOException {
        Path directory = target.getParent();
        Files.createDirectories(directory);
        if (!isInsideRoot(directory)) {
            throw new BadObjectKeyException("object key leaves the storage root");
        }
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
