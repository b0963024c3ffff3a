package io.resoto.worker.aws.kinds.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.TagChecks;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

class AwsCognitoUserPoolKindTest extends KindTestHarness {

  static final String POOL_ARN = "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_DemoPool1";

  @Test
  @SuppressWarnings("unchecked")
  void poolsAreMappedAndLinkedToTheirUsersGroupsAndKey() throws Exception {
    AwsCognitoUserPoolKind kind = new AwsCognitoUserPoolKind();
    Graph g = collect(kind, new AwsCognitoUserKind(), new AwsCognitoGroupKind(), new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCognitoUserPoolKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("customers", "staff");
    Node customers = node(g, AwsCognitoUserPoolKind.KIND, "us-east-1_DemoPool1");
    assertThat(customers.ctime()).isEqualTo(Instant.parse("2023-02-01T10:00:00Z"));
    assertThat(customers.mtime()).isEqualTo(Instant.parse("2024-04-01T10:00:00Z"));
    assertThat(customers.tags()).isEqualTo(Map.of("team", "identity", "env", "prod"));
    assertThat(customers.properties()).containsEntry("arn", POOL_ARN).containsEntry("pool_status", "Enabled");
    assertThat((Map<String, Object>) customers.properties().get("pool_lambda_config"))
        .containsEntry("pre_sign_up", "arn:aws:lambda:us-east-1:111111111111:function:customers-pre-signup");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsCognitoUserPoolKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_cognito_user_pool:customers -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_cognito_user_pool:customers -> aws_cognito_user:8c1f0000-0000-4000-8000-0000000c0001",
            "aws_cognito_user_pool:customers -> aws_cognito_user:8c1f0000-0000-4000-8000-0000000c0002",
            "aws_cognito_user_pool:customers -> aws_cognito_group:premium",
            "aws_cognito_user_pool:staff -> aws_cognito_user:8c1f0000-0000-4000-8000-0000000c0003",
            "aws_cognito_user_pool:staff -> aws_cognito_group:admins");
    assertThat(edges(g, EdgeType.DELETE)).containsExactly(
        "aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_cognito_user_pool:customers");
  }

  @Test
  void theTriggersNameTheirFunctions() {
    assertThat(AwsCognitoUserPoolKind.functionName("arn:aws:lambda:us-east-1:111111111111:function:f:live"))
        .isEqualTo("f");
    assertThat(AwsCognitoUserPoolKind.functionName("arn:aws:kms:us-east-1:111111111111:key/k")).isNull();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> pools = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      pools.add(Map.of("Id", "us-west-2_p" + i, "Name", "pool-" + i,
          "Arn", "arn:aws:cognito-idp:us-west-2:111111111111:userpool/us-west-2_p" + i));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-pools", Map.of("111111111111",
        Map.of("us-west-2", Map.of("cognito-idp", Map.of("UserPools", pools))))))) {
      Graph g = collect(big, new AwsCognitoUserPoolKind(3));
      assertThat(nodes(g, AwsCognitoUserPoolKind.KIND)).hasSize(7);
    }
  }

  @Test
  void aPoolIsTaggedAndUntaggedByItsArn() throws Exception {
    try (CognitoIdentityProviderClient idp = CognitoIdentityProviderClient.builder().endpointOverride(sim.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(TagChecks.demoCredentials()).build()) {
      TagChecks.tagAndUntag(sim, TagChecks.target(AwsCognitoUserPoolKind.KIND, "us-east-1_DemoPool1", "customers",
          POOL_ARN, "us-east-1", Map.of()), () -> idp.listTagsForResource(r -> r.resourceArn(POOL_ARN)).tags());
    }
  }
}
