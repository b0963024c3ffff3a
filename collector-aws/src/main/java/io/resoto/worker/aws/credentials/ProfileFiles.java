package io.resoto.worker.aws.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Both default files, each reloaded when modified; a missing file counts as empty. */
  public static ProfileFileSupplier reloading() {
    return reloading(ProfileFileLocation.credentialsFilePath(), ProfileFileLocation.configurationFilePath());
  }

  /** These two files, each reloaded when modified; a missing file counts as empty. */
  public static ProfileFileSupplier reloading(Path credentialsFile, Path configFile) {
    return ProfileFileSupplier.aggregate(
        new OneFile(credentialsFile, ProfileFile.Type.CREDENTIALS),
        new OneFile(configFile, ProfileFile.Type.CONFIGURATION));
  }

  /**
   * One file. It must answer the same instance while nothing changed: the SDK's aggregate and
   * profile credentials provider rebuild (and re-assume roles) whenever the instance differs.
   */
  private static final class OneFile implements ProfileFileSupplier {
    private final Path path;
    private final ProfileFile.Type type;
    private final ProfileFile empty;
    private ProfileFileSupplier watcher;

    OneFile(Path path, ProfileFile.Type type) {
      this.path = path;
      this.type = type;
      this.empty = ProfileFile.aggregator().build();
    }

    @Override
    public synchronized ProfileFile get() {
      if (!Files.isRegularFile(path)) {
        // Forget the watcher: when the file comes back it is read afresh.
        watcher = null;
        return empty;
      }
      if (watcher == null) {
        watcher = ProfileFileSupplier.reloadWhenModified(path, type);
      }
      return watcher.get();
    }
  }
}
