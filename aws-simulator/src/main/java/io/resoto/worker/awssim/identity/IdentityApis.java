package io.resoto.worker.awssim.identity;

import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.estate.Estate;
import java.time.Clock;

/** Registers every identity handler of this package in one go. */
public final class IdentityApis {
  private IdentityApis() {}

  /**
   * Registers STS, Organizations, IAM ListAccountAliases and EC2 DescribeRegions.
   *
   * @param clock the clock of {@code credentials}; passed to insist the two agree
   */
  public static void registerAll(HandlerRegistry registry, Estate estate, EstateCredentials credentials,
      Clock clock) {
    if (!credentials.clock().equals(clock)) {
      throw new IllegalArgumentException("the credential store runs on another clock than the handlers");
    }
    new StsApi(estate, credentials).register(registry);
    new OrganizationsApi(estate).register(registry);
    new IamAccountApi(estate).register(registry);
    new Ec2RegionsApi(estate).register(registry);
  }
}
