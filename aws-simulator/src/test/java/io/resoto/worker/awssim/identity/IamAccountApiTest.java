package io.resoto.worker.awssim.identity;

import static io.resoto.worker.awssim.identity.Fixtures.COLLECTOR_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.ESTATE;
import static io.resoto.worker.awssim.identity.Fixtures.OUTSIDER_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.awsError;
import static io.resoto.worker.awssim.identity.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;

class IamAccountApiTest {
  private final EstateCredentials credentials =
      new EstateCredentials(ESTATE, new TestClock(Instant.parse("2024-01-01T00:00:00Z")));
  private final IamAccountApi iam = new IamAccountApi(ESTATE);

  @Test
  void listsTheCallersAlias() {
    ListAccountAliasesResponse r = iam.listAccountAliases(call(credentials, COLLECTOR_KEY, "us-east-1"),
        ListAccountAliasesRequest.builder().build());
    assertThat(r.accountAliases()).containsExactly("test-mgmt");
    assertThat(r.isTruncated()).isFalse();
  }

  @Test
  void anAccountWithoutAliasHasNone() {
    assertThat(iam.listAccountAliases(call(credentials, OUTSIDER_KEY, "us-east-1"),
        ListAccountAliasesRequest.builder().build()).accountAliases()).isEmpty();
  }

  @Test
  void maxItemsIsChecked() {
    awsError(() -> iam.listAccountAliases(call(credentials, COLLECTOR_KEY, "us-east-1"),
        ListAccountAliasesRequest.builder().maxItems(0).build()), 400, "ValidationError");
  }
}
