package io.resoto.worker.awssim;

import java.util.Optional;

/** Looks up access keys for signature verification. Thread-safe. */
@FunctionalInterface
public interface CredentialStore {
  Optional<KeyRecord> find(String accessKeyId);
}
