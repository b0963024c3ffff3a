package io.resoto.worker.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the config file's content changes. It polls a digest of the content rather than
 * using file-system events, because Kubernetes updates a mounted ConfigMap by swapping a symlink,
 * which inotify-based watching misses.
 */
final class ConfigWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path file;
  private final Consumer<String> onChange;
  private final ScheduledExecutorService timer;
  private byte[] lastDigest;
  private boolean missingReported;

  ConfigWatcher(Path file, Duration interval, Consumer<String> onChange) {
    this.file = file;
    this.onChange = onChange;
    this.lastDigest = digest(read());
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "config-watcher");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void check() {
    try {
      String content = read();
      if (content == null) {
        if (!missingReported) {
          log.error("config file {} is gone; keeping the running config", file);
          missingReported = true;
        }
        return;
      }
      missingReported = false;
      byte[] d = digest(content);
      if (!Arrays.equals(d, lastDigest)) {
        lastDigest = d;
        onChange.accept(content);
      }
    } catch (RuntimeException e) {
      log.error("checking config file {} failed: {}", file, e.toString());
    }
  }

  private String read() {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      log.error("cannot read config file {}: {}", file, e.getMessage());
      return null;
    }
  }

  private static byte[] digest(String content) {
    if (content == null) {
      return new byte[0];
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
