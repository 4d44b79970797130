package vn.kyso.archive.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A lock file that says which live process owns a directory (a filesystem store's root, a private
 * PostgreSQL's data directory): an OS file lock ({@link FileChannel#tryLock()}, fcntl on Linux) plus
 * the owner's pid written inside for the message. The kernel drops the lock when the owner dies, even
 * by {@code kill -9}, so a crashed owner never blocks the next start, while a running one always does.
 *
 * <p>Within one JVM the lock is shared (several application contexts of a test run on one directory):
 * OS locks belong to processes, and this is about other processes.
 */
public final class OwnerLock implements AutoCloseable {

    private static final Map<Path, OwnerLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private int users;

    private OwnerLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes {@code file}'s lock for this process, or shares the one this process already holds.
     *
     * @param what what the lock protects, for the message ("the filesystem store /srv/kyso/objects")
     * @throws DirectoryOwnedException if another live process holds it
     */
    public static synchronized OwnerLock acquire(Path file, String what) {
        Path key = file.toAbsolutePath().normalize();
        OwnerLock held = HELD.get(key);
        if (held != null) {
            held.users++;
            return held;
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                OptionalLong pid = ownerPid(channel);
                channel.close();
                throw new DirectoryOwnedException(what + " is in use by another running process"
                        + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "") + "; lock file " + key, pid);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            OwnerLock owner = new OwnerLock(key, channel, lock);
            owner.users = 1;
            HELD.put(key, owner);
            return owner;
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock " + key + " for " + what + ": " + e.getMessage(), e);
        }
    }

    /** The pid a lock file names, whoever holds it now (nothing if unreadable). */
    static OptionalLong ownerPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Path file() {
        return file;
    }

    /** Releases this user's share; the OS lock goes with the last one. */
    @Override
    public void close() {
        synchronized (OwnerLock.class) {
            if (users == 0 || --users > 0) {
                return;
            }
            HELD.remove(file);
            try {
                lock.release();
            } catch (IOException e) {
                // the channel's close below releases it too
            }
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /** Another live process owns the directory; the message names it and says where the lock is. */
    public static final class DirectoryOwnedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient OptionalLong ownerPid;

        DirectoryOwnedException(String message, OptionalLong ownerPid) {
            super(message);
            this.ownerPid = ownerPid;
        }

        public OptionalLong ownerPid() {
            return ownerPid == null ? OptionalLong.empty() : ownerPid;
        }
    }
}
