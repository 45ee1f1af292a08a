package io.ashpg.migration.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock between processes, and between the threads of one JVM, held through a lock file: what keeps two
 * generators (an IDE and a shell) or two builds from working on the same files at once. Whoever comes second waits
 * as long as it takes, and is told so after a moment of patience. A process that dies holding the lock (kill -9, a
 * crash) releases it with its death, since the operating system drops the file locks of a dead process, so there is
 * never a stale lock to remove by hand.
 *
 * <p>The file stays, empty, when the lock is released. Deleting it would let a waiter that opened it before the
 * deletion lock a file without a name while a newcomer locks a new file at the path, and Java offers no way to tell
 * the two apart: the holder cannot even read the path to check, because on POSIX systems closing any descriptor of a
 * file drops every lock the process holds on it.
 */
public final class LockFile implements AutoCloseable {

  private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 50;

  private final Path path;
  private final Semaphore local;
  private final FileChannel channel;
  private boolean closed;

  private LockFile(Path path, Semaphore local, FileChannel channel) {
    this.path = path;
    this.local = local;
    this.channel = channel;
  }

  /**
   * Takes the lock of {@code file}, creating the file (and its folder) if needed, and waits as long as another
   * process or thread holds it.
   *
   * @param patience how long to wait quietly
   * @param waiting  called once when the lock is not free within {@code patience}, to say that this one waits
   * @throws UncheckedIOException  when the lock file cannot be created or locked
   * @throws IllegalStateException when the thread is interrupted while waiting
   */
  public static LockFile acquire(Path file, Duration patience, Runnable waiting) {
    Objects.requireNonNull(waiting, "waiting");
    Path absolute = file.toAbsolutePath().normalize();
    Path path;
    try {
      Files.createDirectories(absolute.getParent());
      // one key per file however it is named, so threads using different spellings still exclude each other
      path = absolute.getParent().toRealPath().resolve(absolute.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of lock file " + absolute + ": " + e.getMessage(), e);
    }
    Semaphore local = IN_THIS_JVM.computeIfAbsent(path, p -> new Semaphore(1));
    long tellAt = System.nanoTime() + patience.toNanos();
    boolean told = false;
    try {
      if (!local.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
        waiting.run();
        told = true;
        local.acquire();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for lock file " + path, e);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (!tryLock(channel)) {
        if (!told && System.nanoTime() - tellAt >= 0) {
          waiting.run();
          told = true;
        }
        Thread.sleep(POLL_MILLIS);
      }
      return new LockFile(path, local, channel);
    } catch (IOException e) {
      release(channel, local);
      throw new UncheckedIOException("cannot lock " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      release(channel, local);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for lock file " + path, e);
    } catch (RuntimeException e) {
      release(channel, local);
      throw e;
    }
  }

  private static boolean tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock() != null;
    } catch (OverlappingFileLockException e) {
      // held in this JVM by a copy of this class from another class loader (e.g. another Maven plugin realm)
      return false;
    }
  }

  private static void release(FileChannel channel, Semaphore local) {
    if (channel != null) {
      try {
        channel.close(); // drops its lock too
      } catch (IOException e) {
        // nothing more to release
      }
    }
    local.release();
  }

  /** The lock file. */
  public Path path() {
    return path;
  }

  /** Releases the lock; a waiter then takes it. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    release(channel, local);
  }
}
