package io.resoto.worker.aws.credentials;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Credentials that can be minted again on demand: an assumed-role session that AWS declared
 * expired before our cache thought so (clock skew, a session revoked, a long pause of the host).
 *
 * <p>Callers take {@link #session()} before a unit of work and, when the work fails with
 * {@link #isExpired expired credentials}, call {@link #renew(Object)} with it: of many callers
 * that saw the same session fail, the first renews and the others find the new one.
 */
public interface RenewableCredentials {

  /** The error codes AWS answers for expired temporary credentials, per protocol. */
  Set<String> EXPIRED_CODES = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
      "TokenRefreshRequired");

  /** An opaque token of the session currently handed out. */
  Object session();

  /** Mints a new session unless the current one is already newer than {@code seen}. */
  void renew(Object seen);

  /** Whether the failure (or one of its causes) is AWS saying the credentials have expired. */
  static boolean isExpired(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AwsServiceException e && e.awsErrorDetails() != null
          && EXPIRED_CODES.contains(e.awsErrorDetails().errorCode())) {
        return true;
      }
    }
    return false;
  }
}
