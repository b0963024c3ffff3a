package io.resoto.worker.aws.kinds.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsAccountKindTest {

  @Test
  void theAccountNodeNamesItselfAsItsAccountAndCarriesHowItWasReached() {
    AwsAccountTarget target = new AwsAccountTarget("222222222222", "payments", "prod",
        "arn:aws:iam::222222222222:role/ResotoAccess", "aws", null);

    Node n = AwsAccountKind.node(target);

    assertThat(n.kind()).isEqualTo("aws_account");
    assertThat(n.resourceId()).isEqualTo("222222222222");
    assertThat(n.name()).isEqualTo("payments");
    assertThat(n.cloud()).isEqualTo("aws");
    assertThat(n.account()).isEqualTo("222222222222");
    assertThat(n.region()).isNull();
    assertThat(n.properties()).containsEntry("role", "arn:aws:iam::222222222222:role/ResotoAccess")
        .containsEntry("profile", "prod").containsEntry("partition", "aws");
    // the id depends only on the identity, not on the name or how the account was reached
    assertThat(AwsAccountKind.node(new AwsAccountTarget("222222222222", null, null, null, "aws", null)).id())
        .isEqualTo(n.id());
  }

  @Test
  void anAccountWithoutANameIsNamedByItsId() {
    Node n = AwsAccountKind.node(new AwsAccountTarget("333333333333", " ", null, null, null, null));
    assertThat(n.name()).isEqualTo("333333333333");
    assertThat(n.properties()).containsEntry("partition", "aws");
  }

  @Test
  void everyDeclaredPropertyIsDescribed() {
    assertThat(new AwsAccountKind().model().properties()).hasSize(29)
        .allSatisfy(p -> assertThat(p.description()).isNotBlank());
  }
}
