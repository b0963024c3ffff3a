package io.resoto.worker.aws.credentials;

import io.resoto.worker.aws.AwsConfig;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The base credentials of a run, from the aws config: the static keys when
 * {@code access_key_id}/{@code secret_access_key} are set; one source per entry of
 * {@code profiles}; otherwise the SDK's default chain (system properties, environment including
 * AWS_PROFILE, web identity, the shared files, container and instance metadata).
 *
 * <p>Profile features (role_arn with source_profile or credential_source, external_id, SSO) come
 * from the SDK. Every provider that reads the shared files reads them through
 * {@link ProfileFiles#reloading()}, so rotated keys are used without a restart.
 */
public final class CredentialChain {

  /**
   * One credential source: the profile it comes from (null for static keys or the default chain),
   * a label for messages, and the provider.
   */
  public record Source(String profile, String label, AwsCredentialsProvider provider) {}

  private CredentialChain() {}

  /**
   * The credential sources of this config, in config order. Profiles win over static keys, as in
   * the original (a profile session ignores the keys).
   */
  public static List<Source> sources(AwsConfig config) {
    if (config.profiles() != null && !config.profiles().isEmpty()) {
      Supplier<ProfileFile> files = ProfileFiles.reloading();
      return config.profiles().stream()
          .map(name -> new Source(name, "profile " + name, profile(name, files)))
          .toList();
    }
    if (hasStaticKeys(config)) {
      return List.of(new Source(null, "access_key_id", base(config)));
    }
    return List.of(new Source(null, "default credentials", base(config)));
  }

  /** The static keys if configured, else the SDK's default chain over reloading profile files. */
  public static AwsCredentialsProvider base(AwsConfig config) {
    if (hasStaticKeys(config)) {
      // The only place the secret is revealed: the SDK needs it to sign.
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(
          config.accessKeyId().reveal(), config.secretAccessKey().reveal()));
    }
    return DefaultCredentialsProvider.builder().profileFile(ProfileFiles.reloading()).build();
  }

  /** A named profile of the shared files, re-read when they change. */
  public static AwsCredentialsProvider profile(String name, Supplier<ProfileFile> files) {
    return ProfileCredentialsProvider.builder().profileFile(files).profileName(name).build();
  }

  private static boolean hasStaticKeys(AwsConfig config) {
    return config.accessKeyId() != null && config.secretAccessKey() != null
        && !config.accessKeyId().isEmpty() && !config.secretAccessKey().isEmpty();
  }
}
