package vn.kyso.archive.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

/**
 * Archive objects as files under one root directory: the zero-setup default for a single server.
 *
 * <p>Key {@code a/b/c} is stored as data file {@code a/b/c~o} with its metadata (content type,
 * retain-until, legal hold) in the sidecar {@code a/b/c~m}. The suffixes use {@code ~}, which keys
 * can't contain, so keys {@code a} and {@code a/b} can both exist and no key can name a sidecar or a
 * temporary file. Every file is first written to a temporary file in the same directory, forced to
 * disk and then moved into place atomically; the data file appears last (as a hard link, which fails
 * rather than replaces if the name is taken), so a visible object always has complete content and
 * metadata. Temporary files a crash leaves behind are never listed and are removed when the store
 * opens.
 *
 * <p>Write-once and retention are enforced by this class, not by the filesystem: anyone with write
 * access to the directory can still remove files. One process owns a root: opening a root that another
 * live process has open is refused ({@link OwnerLock} on {@code <root>/~owner}), because per-key
 * serialisation and the crash clean-up on open only hold within one process. Concurrent calls within
 * that process are serialised per key.
 */
public final class FilesystemObjectStore implements ObjectStore {

    static final String DATA_SUFFIX = "~o";
    static final String META_SUFFIX = "~m";
    static final String TEMP_MARKER = "~tmp-";
    /** The root's owner lock ({@link OwnerLock}); keys cannot contain {@code ~}, so no key names it. */
    static final String OWNER_LOCK = "~owner";

    private static final String CONTENT_TYPE = "content-type";
    private static final String RETAIN_UNTIL = "retain-until";
    private static final String LEGAL_HOLD = "legal-hold";

    private final Path root;
    private final Clock clock;
    private final KeyLocks keyLocks = new KeyLocks();

    public FilesystemObjectStore(Path root) {
        this(root, Clock.systemUTC());
    }

    FilesystemObjectStore(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw unavailable("Can't create the store directory", e);
        }
        // Before the clean-up: another live process's temporary files are not leftovers.
        OwnerLock.acquire(this.root.resolve(OWNER_LOCK), "the filesystem store " + this.root);
        removeLeftovers();
    }

    @Override
    public ObjectInfo put(String key, byte[] content, PutOptions options) {
        StoreRules.requireValidKey(key);
        Objects.requireNonNull(content, "content");
        PutOptions opts = options == null ? new PutOptions(null, null) : options;
        Instant retainUntil = StoreRules.normalizeRetention(opts.retainUntil());
        ObjectInfo info = new ObjectInfo(key, content.length, opts.contentType(), retainUntil, false);
        return withKeyLock(key, () -> {
            Path data = dataFile(key);
            if (Files.exists(data)) {
                throw StoreRules.alreadyExists(key);
            }
            Path dir = data.getParent();
            Path dataTemp = null;
            try {
                Files.createDirectories(dir);
                dataTemp = writeTemp(dir, key, content);
                // The sidecar goes first, so retention is in force from the moment the data appears.
                writeMetadata(key, info);
                try {
                    Files.createLink(data, dataTemp);
                } catch (FileAlreadyExistsException e) {
                    throw StoreRules.alreadyExists(key);
                } catch (UnsupportedOperationException e) {
                    // No hard links (some network filesystems): we hold the key lock and checked above.
                    Files.move(dataTemp, data, StandardCopyOption.ATOMIC_MOVE);
                    dataTemp = null;
                }
                forceDirectory(dir);
                return info;
            } catch (IOException e) {
                throw unavailable("Can't store " + key, e);
            } finally {
                deleteQuietly(dataTemp);
            }
        });
    }

    @Override
    public InputStream open(String key) {
        StoreRules.requireValidKey(key);
        try {
            return Files.newInputStream(dataFile(key));
        } catch (NoSuchFileException e) {
            throw StoreRules.notFound(key);
        } catch (IOException e) {
            throw unavailable("Can't read " + key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        StoreRules.requireValidKey(key);
        return readInfo(key);
    }

    @Override
    public List<String> list(String prefix) {
        String validPrefix = StoreRules.requireValidPrefix(prefix);
        int slash = validPrefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(validPrefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(p -> p.getFileName().toString().endsWith(DATA_SUFFIX))
                    .filter(p -> !p.getFileName().toString().contains(TEMP_MARKER))
                    .map(this::keyOf)
                    .filter(k -> k.startsWith(validPrefix) && StoreRules.isValidKey(k))
                    .forEach(keys::add);
        } catch (IOException | UncheckedIOException e) {
            throw unavailable("Can't list " + validPrefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) {
        StoreRules.requireValidKey(key);
        withKeyLock(key, () -> {
            ObjectInfo info = readInfo(key).orElseThrow(() -> StoreRules.notFound(key));
            StoreRules.requireDeletable(info, clock);
            Path data = dataFile(key);
            try {
                // Data first: once it is gone the object is gone, and an orphaned sidecar is harmless.
                Files.deleteIfExists(data);
                Files.deleteIfExists(metaFile(key));
                forceDirectory(data.getParent());
                removeEmptyParents(data.getParent());
            } catch (IOException e) {
                throw unavailable("Can't delete " + key, e);
            }
            return null;
        });
    }

    @Override
    public void extendRetention(String key, Instant retainUntil) {
        StoreRules.requireValidKey(key);
        withKeyLock(key, () -> {
            ObjectInfo info = readInfo(key).orElseThrow(() -> StoreRules.notFound(key));
            Instant extended = StoreRules.requireExtension(info, retainUntil);
            updateMetadata(key, new ObjectInfo(key, info.size(), info.contentType(), extended, info.legalHold()));
            return null;
        });
    }

    @Override
    public void setLegalHold(String key, boolean hold) {
        StoreRules.requireValidKey(key);
        withKeyLock(key, () -> {
            ObjectInfo info = readInfo(key).orElseThrow(() -> StoreRules.notFound(key));
            updateMetadata(key, new ObjectInfo(key, info.size(), info.contentType(), info.retainUntil(), hold));
            return null;
        });
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities("filesystem", false, false);
    }

    @Override
    public boolean isAvailable() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    @Override
    public String toString() {
        return "FilesystemObjectStore[" + root + "]";
    }

    private Optional<ObjectInfo> readInfo(String key) {
        Path data = dataFile(key);
        long size;
        try {
            size = Files.size(data);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("Can't read " + key, e);
        }
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(metaFile(key), StandardCharsets.UTF_8)) {
            meta.load(in);
        } catch (NoSuchFileException e) {
            // Only a foreign hand can remove a sidecar under its data; fail closed rather than guess.
            throw unavailable("Metadata of " + key + " is missing", e);
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable("Can't read the metadata of " + key, e);
        }
        String retain = meta.getProperty(RETAIN_UNTIL);
        return Optional.of(new ObjectInfo(
                key,
                size,
                meta.getProperty(CONTENT_TYPE, "application/octet-stream"),
                retain == null || retain.isEmpty() ? null : Instant.parse(retain),
                Boolean.parseBoolean(meta.getProperty(LEGAL_HOLD))));
    }

    private void updateMetadata(String key, ObjectInfo info) {
        try {
            writeMetadata(key, info);
            forceDirectory(metaFile(key).getParent());
        } catch (IOException e) {
            throw unavailable("Can't update the metadata of " + key, e);
        }
    }

    /** Writes the sidecar through a temporary file and an atomic replace. */
    private void writeMetadata(String key, ObjectInfo info) throws IOException {
        Properties meta = new Properties();
        meta.setProperty(CONTENT_TYPE, info.contentType());
        meta.setProperty(RETAIN_UNTIL, info.retainUntil() == null ? "" : info.retainUntil().toString());
        meta.setProperty(LEGAL_HOLD, Boolean.toString(info.legalHold()));
        StringWriter text = new StringWriter();
        meta.store(text, null);
        Path target = metaFile(key);
        Path temp = writeTemp(target.getParent(), key, text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            moveAtomically(temp, target);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The filesystem can't replace files atomically", e);
        }
    }

    /** A new file in {@code dir} with {@code content}, forced to disk. */
    private static Path writeTemp(Path dir, String key, byte[] content) throws IOException {
        String name = key.substring(key.lastIndexOf('/') + 1);
        Path temp = dir.resolve(name + TEMP_MARKER + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    /** Makes a rename or new link durable; not every platform can open a directory, and that is fine. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows can't open directories; its rename is durable once the file is.
        }
    }

    private void removeEmptyParents(Path dir) {
        Path current = dir;
        while (current != null && !current.equals(root) && current.startsWith(root)) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return;
            }
            current = current.getParent();
        }
    }

    /** Removes temporary files and sidecars without data, both left by a crash mid-write or mid-delete. */
    private void removeLeftovers() {
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                if (name.contains(TEMP_MARKER)) {
                    leftovers.add(p);
                } else if (name.endsWith(META_SUFFIX)) {
                    String base = name.substring(0, name.length() - META_SUFFIX.length());
                    if (!Files.exists(p.resolveSibling(base + DATA_SUFFIX))) {
                        leftovers.add(p);
                    }
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw unavailable("Can't scan the store directory", e);
        }
        leftovers.forEach(FilesystemObjectStore::deleteQuietly);
    }

    private String keyOf(Path dataFile) {
        String relative = root.relativize(dataFile).toString().replace(dataFile.getFileSystem().getSeparator(), "/");
        return relative.substring(0, relative.length() - DATA_SUFFIX.length());
    }

    Path dataFile(String key) {
        return resolve(key + DATA_SUFFIX);
    }

    private Path metaFile(String key) {
        return resolve(key + META_SUFFIX);
    }

    private Path resolve(String name) {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            // StoreRules already refuses "..": this is a second fence for the filesystem.
            throw new ObjectStoreException(Reason.INVALID_KEY, "Key escapes the store");
        }
        return path;
    }

    private <T> T withKeyLock(String key, Supplier<T> action) {
        return keyLocks.withLock(key, action);
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover temporary file is removed the next time the store opens
        }
    }

    private static ObjectStoreException unavailable(String message, Exception cause) {
        return new ObjectStoreException(Reason.UNAVAILABLE, message, cause);
    }
}
