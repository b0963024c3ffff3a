package io.resoto.worker.aws.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointParams;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * S3 Control's endpoint rules, minus the account id in the host name, for a configured
 * {@code endpoint_url} only. AWS serves S3 Control at {@code {AccountId}.s3-control.{region}...};
 * its rules put the account id before a custom endpoint's host too, which turns
 * {@code http://127.0.0.1:4599} into {@code http://111111111111.127.0.0.1:4599}: not a host at all,
 * and for a named gateway (LocalStack, a proxy) a name that usually does not resolve. The account id
 * also travels in the {@code x-amz-account-id} header, which is what such endpoints read.
 *
 * <p>Everything else (validation, signing name, signing region) is the SDK's own resolution; only
 * the host label is removed. Without {@code endpoint_url} the factory does not install this, so
 * AWS itself is always called at the host its rules give.
 */
final class S3ControlCustomEndpoint implements S3ControlEndpointProvider {

  private final S3ControlEndpointProvider rules;

  S3ControlCustomEndpoint(S3ControlEndpointProvider rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public CompletableFuture<Endpoint> resolveEndpoint(S3ControlEndpointParams params) {
    return rules.resolveEndpoint(params).thenApply(e -> withoutAccountLabel(e, params));
  }

  static Endpoint withoutAccountLabel(Endpoint endpoint, S3ControlEndpointParams params) {
    String account = params.accountId();
    URI url = endpoint.url();
    String authority = url.getRawAuthority();
    if (params.endpoint() == null || account == null || authority == null || !authority.startsWith(account + ".")) {
      return endpoint;
    }
    try {
      URI stripped = new URI(url.getScheme(), authority.substring(account.length() + 1), url.getPath(),
          url.getQuery(), url.getFragment());
      return endpoint.toBuilder().url(stripped).build();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("endpoint_url " + params.endpoint() + " is not a valid URL", e);
    }
  }
}
