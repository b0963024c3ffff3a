package io.resoto.worker.aws.account;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Classifies SDK failures and turns them into one-line messages without secrets or stack traces. */
public final class AwsErrors {

  /** The original's codes for "these credentials do not get in": the account is skipped. */
  static final Set<String> AUTH_FAILURES = Set.of(
      "AuthFailure", "InvalidClientTokenId", "ExpiredToken", "AccessDenied", "SignatureDoesNotMatch");

  /** Codes of a denied call (as opposed to bad credentials). */
  static final Set<String> DENIED = Set.of(
      "UnauthorizedOperation", "Client.UnauthorizedOperation", "AccessDenied", "AccessDeniedException");

  private static final int MAX_MESSAGE = 300;

  private AwsErrors() {}

  /** The AWS error code anywhere in the cause chain, or null. */
  public static String code(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
        return e.awsErrorDetails().errorCode();
      }
    }
    return null;
  }

  /** True when the credentials cannot be loaded or are not accepted. */
  static boolean isAuthFailure(Throwable error) {
    String code = code(error);
    return code == null ? error instanceof SdkClientException : AUTH_FAILURES.contains(code);
  }

  /** True when the call was refused for lack of permission. */
  static boolean isDenied(Throwable error) {
    return DENIED.contains(code(error));
  }

  /** "Code: message" for service errors, else the first line of the message, shortened. */
  public static String describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
        return shorten(e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
      }
    }
    String message = error.getMessage();
    return shorten(message == null || message.isBlank() ? error.getClass().getSimpleName() : message);
  }

  private static String shorten(String text) {
    String line = text.strip().lines().findFirst().orElse("").strip();
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
