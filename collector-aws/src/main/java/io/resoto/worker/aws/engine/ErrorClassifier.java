package io.resoto.worker.aws.engine;

import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Decides, once, what a failure of one unit of work (a kind in a region, or one of its fan-out
 * tasks) means for the run. The rules follow the original's client error handling: access denied
 * and regions that are not enabled are expected skips (WARN), throttling that survived the SDK's
 * retries is counted, anything else is an error of that unit.
 */
public final class ErrorClassifier {

  /** What a failure means. */
  public enum Category {
    /** The principal may not call this: skip the (region, kind), WARN. */
    ACCESS_DENIED,
    /** The region is not enabled for the account (opt-in): skip the (region, kind), WARN. */
    REGION_NOT_ENABLED,
    /** Still throttled after the SDK's retries: counted and reported as an error. */
    THROTTLED,
    /** The service has no endpoint in this region: nothing to collect, DEBUG only. */
    NOT_AVAILABLE,
    /** Anything else: an ERROR of the unit. */
    ERROR
  }

  /** The outcome: category, the AWS error code (or exception class) and a one-line message. */
  public record Classification(Category category, String code, String message) {

    /** Whether the run treats it as an expected skip rather than a failure. */
    public boolean isSkip() {
      return category == Category.ACCESS_DENIED || category == Category.REGION_NOT_ENABLED
          || category == Category.NOT_AVAILABLE;
    }
  }

  /** Codes that mean "not allowed", besides every code starting with AccessDenied. */
  static final Set<String> ACCESS_DENIED = Set.of(
      "UnauthorizedOperation", "AuthorizationError", "AuthorizationErrorException",
      "UnauthorizedAccess", "UnauthorizedException", "Forbidden", "ForbiddenException");

  /** Codes AWS answers in a region the account has not enabled (opt-in regions). */
  static final Set<String> REGION_DISABLED = Set.of(
      "AuthFailure", "OptInRequired", "InvalidClientTokenId", "UnrecognizedClientException");

  /** The original's ThrottlingErrors and RetryableErrors. */
  static final Set<String> THROTTLING = Set.of(
      "EC2ThrottledException", "RequestThrottled", "RequestThrottledException",
      "ThrottledException", "Throttling", "ThrottlingException", "LimitExceededException",
      "RequestLimitExceeded", "RequestTimeout", "RequestTimeoutException",
      "TooManyRequestsException", "SlowDown");

  /** A classifier with the rules above. */
  public ErrorClassifier() {}

  /**
   * Classifies a failure.
   *
   * @param failure what the unit threw
   * @param regional whether the call went to a real region (not the account's global region):
   *     only there do AuthFailure / InvalidClientTokenId mean "region not enabled"
   */
  public Classification classify(Throwable failure, boolean regional) {
    Throwable e = unwrap(failure);
    if (e instanceof AwsServiceException ase) {
      String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
      String awsMessage = ase.awsErrorDetails() == null ? ase.getMessage()
          : ase.awsErrorDetails().errorMessage();
      String detail = code + (awsMessage == null || awsMessage.isBlank() ? "" : ": " + oneLine(awsMessage));
      if (code != null && isAccessDenied(code)) {
        return new Classification(Category.ACCESS_DENIED, code, "skipped: access denied (" + detail + ")");
      }
      if (code != null && REGION_DISABLED.contains(code)) {
        if (regional) {
          return new Classification(Category.REGION_NOT_ENABLED, code,
              "skipped: region not enabled in this account (" + detail + ")");
        }
        if (code.equals("AuthFailure")) {
          // outside a region AuthFailure is EC2's word for a denied call
          return new Classification(Category.ACCESS_DENIED, code, "skipped: access denied (" + detail + ")");
        }
      }
      if ((code != null && THROTTLING.contains(code)) || ase.isThrottlingException()) {
        return new Classification(Category.THROTTLED, code == null ? "Throttling" : code,
            "throttled after the SDK's retries (" + detail + ")");
      }
      return new Classification(Category.ERROR, code == null ? "HTTP " + ase.statusCode() : code, detail);
    }
    if (e instanceof SdkClientException && hasCause(e, UnknownHostException.class)) {
      return new Classification(Category.NOT_AVAILABLE, "EndpointConnectionError",
          "no endpoint for this service in this region: " + oneLine(e.getMessage()));
    }
    if (e instanceof SdkException se && se.retryable() && hasCause(e, java.net.SocketTimeoutException.class)) {
      return new Classification(Category.ERROR, "RequestTimeout", oneLine(e.getMessage()));
    }
    if (e instanceof SdkClientException && String.valueOf(e.getMessage())
        .startsWith(io.resoto.worker.aws.client.MalformedResponses.PREFIX)) {
      // an answer the SDK could not read: the message names the call and the parser's reason
      return new Classification(Category.ERROR, "MalformedResponse", oneLine(e.getMessage()));
    }
    String name = e.getClass().getSimpleName();
    return new Classification(Category.ERROR, name,
        name + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
  }

  static boolean isAccessDenied(String code) {
    return code.toLowerCase(Locale.ROOT).startsWith("accessdenied") || ACCESS_DENIED.contains(code);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof java.util.concurrent.ExecutionException
        || e instanceof java.util.concurrent.CompletionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /** Messages go into one-line summaries: keep the first line and cap the length. */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
