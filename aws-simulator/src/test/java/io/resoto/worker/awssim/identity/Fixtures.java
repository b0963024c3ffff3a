package io.resoto.worker.awssim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.Identity;
import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.estate.Estate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The identity test estate and calls made as its principals. */
final class Fixtures {
  static final Estate ESTATE = Estate.fromResource("estates/identity-test.yaml");
  static final String COLLECTOR_KEY = "AKIATEST000000000001";
  static final String INTERN_KEY = "AKIATEST000000000002";
  static final String OUTSIDER_KEY = "AKIATEST000000000003";

  private Fixtures() {}

  static CallContext call(EstateCredentials credentials, String accessKeyId, String region) {
    KeyRecord key = credentials.find(accessKeyId).orElseThrow(() -> new AssertionError("unknown key " + accessKeyId));
    return new CallContext("test", "Test", region, accessKeyId, key.identity(), "req-1");
  }

  static CallContext as(Identity caller, String region) {
    return new CallContext("test", "Test", region, "AKIAUNUSED0000000000", caller, "req-1");
  }

  /** Runs the call, asserts it fails with this status and code, and returns the error. */
  static AwsError awsError(ThrowingCallable call, int status, String code) {
    try {
      call.call();
    } catch (AwsError e) {
      assertThat(e.code()).as("code of " + e.getMessage()).isEqualTo(code);
      assertThat(e.status()).as("status of " + e.getMessage()).isEqualTo(status);
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected AwsError " + code + ", got " + t, t);
    }
    throw new AssertionError("expected AwsError " + code + ", but the call succeeded");
  }
}
