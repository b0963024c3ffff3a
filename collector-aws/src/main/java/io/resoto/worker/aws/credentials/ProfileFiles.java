package io.resoto.worker.aws.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSupplier;

/**
 * The shared credentials and config files, re-read whenever they change.
 *
 * <p>The worker starts once and runs for months while operators rotate the keys in
 * {@code ~/.aws/credentials} out of band; credential providers built on this supplier pick the
 * new keys up on their next call. The locations honour {@code AWS_SHARED_CREDENTIALS_FILE} /
 * {@code aws.sharedCredentialsFile} and {@code AWS_CONFIG_FILE} / {@code aws.configFile}.
 *
 * <p>Unlike {@link ProfileFileSupplier#defaultSupplier()}, which only watches files that exist
 * when it is created, a file that appears (or disappears) later is noticed too: a volume with the
 * credentials may be mounted after the worker started.
 */
public final class ProfileFiles {

  private ProfileFiles() {}

  /** Both default files, each re-read when modified; a missing file counts as empty. */
  public static ProfileFileSupplier reloading() {
    return reloading(ProfileFileLocation.credentialsFilePath(), ProfileFileLocation.configurationFilePath());
  }

  /** These two files, each re-read when modified; a missing file counts as empty. */
  public static ProfileFileSupplier reloading(Path credentialsFile, Path configFile) {
    return ProfileFileSupplier.aggregate(
        new OneFile(credentialsFile, ProfileFile.Type.CREDENTIALS),
        new OneFile(configFile, ProfileFile.Type.CONFIGURATION));
  }

  /**
   * One file, re-parsed when its modification time, size or identity change. It answers the same
   * instance while nothing changed: the SDK's aggregate and profile credentials provider rebuild
   * (and re-assume profile roles) whenever the instance differs.
   *
   * <p>Why not {@link ProfileFileSupplier#reloadWhenModified}: it looks at the file at most once a
   * second, so keys written just now would not be used by the very next call; a stat per call
   * costs microseconds.
   */
  private static final class OneFile implements ProfileFileSupplier {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileFiles.class);

    private final Path path;
    private final ProfileFile.Type type;
    private final ProfileFile empty;
    private List<Object> stamp;
    private ProfileFile current;

    OneFile(Path path, ProfileFile.Type type) {
      this.path = path;
      this.type = type;
      this.empty = ProfileFile.aggregator().build();
    }

    @Override
    public synchronized ProfileFile get() {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (IOException e) {
        // Missing or unreadable: no profiles from this file. When it comes back it is read afresh.
        stamp = null;
        current = null;
        return empty;
      }
      List<Object> now = Arrays.asList(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
      if (!now.equals(stamp)) {
        try {
          current = ProfileFile.builder().content(path).type(type).build();
          stamp = now;
        } catch (RuntimeException e) {
          // Likely caught mid-write: keep what we had, and try again on the next call.
          LOG.warn("Cannot read {} ({}); keeping the previous content", path, e.getMessage());
          if (current == null) {
            return empty;
          }
        }
      }
      return current;
    }
  }
}
