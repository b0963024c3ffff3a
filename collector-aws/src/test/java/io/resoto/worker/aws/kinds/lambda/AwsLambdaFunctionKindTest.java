package io.resoto.worker.aws.kinds.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

class AwsLambdaFunctionKindTest extends KindTestHarness {

  static final String ORDERS_ARN = "arn:aws:lambda:us-east-1:111111111111:function:orders-api";

  @Test
  @SuppressWarnings("unchecked")
  void functionsAreMappedWithTheirUrlPolicyAndTags() throws Exception {
    AwsLambdaFunctionKind kind = new AwsLambdaFunctionKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsVpcKind(), new AwsEc2SubnetKind(), new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsLambdaFunctionKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("orders-api", "thumbnailer", "edge-rewrite");
    Node orders = node(g, AwsLambdaFunctionKind.KIND, "orders-api");
    assertThat(orders.name()).isEqualTo("orders-api");
    assertThat(orders.mtime()).isEqualTo(Instant.parse("2024-06-03T10:15:30Z"));
    assertThat(orders.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(orders.properties())
        .containsEntry("arn", ORDERS_ARN)
        .containsEntry("function_runtime", "python3.12")
        .containsEntry("function_memory_size", 512L)
        .containsEntry("function_code_size", 5242880L)
        .containsEntry("function_architectures", List.of("arm64"))
        .containsEntry("function_ephemeral_storage_size", 1024L)
        .containsEntry("function_tracing_config", Map.of("mode", "Active"))
        .containsEntry("function_environment", Map.of("variables", Map.of("TABLE_NAME", "orders", "LOG_LEVEL", "info")));
    assertThat((Map<String, Object>) orders.properties().get("function_vpc_config"))
        .containsEntry("vpc_id", "vpc-0a1b2c3d4e5f60001")
        .containsEntry("subnet_ids", List.of("subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102"));
    assertThat((Map<String, Object>) orders.properties().get("function_url_config"))
        .containsEntry("auth_type", "AWS_IAM").containsEntry("invoke_mode", "BUFFERED");
    assertThat((String) orders.properties().get("function_policy"))
        .contains("\"Service\":\"apigateway.amazonaws.com\"")
        .contains("\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:111111111111:a1b2c3d4e5/*/*/orders\"")
        .contains("\"AWS\":\"arn:aws:iam::111111111111:root\"");

    // neither URL nor policy: ResourceNotFoundException is "none", not a failure
    Node thumbnailer = node(g, AwsLambdaFunctionKind.KIND, "thumbnailer");
    assertThat(thumbnailer.properties()).containsEntry("function_package_type", "Image")
        .containsEntry("function_state", "Failed");
    assertThat(thumbnailer.properties().get("function_url_config")).isNull();
    assertThat(thumbnailer.properties().get("function_policy")).isNull();
    assertThat(thumbnailer.properties().get("function_runtime")).isNull();
    assertThat(node(g, AwsLambdaFunctionKind.KIND, "edge-rewrite").tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_lambda_function:") && !e.startsWith("aws_region:"))
        .containsExactlyInAnyOrder(
            "aws_lambda_function:orders-api -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_vpc:prod -> aws_lambda_function:orders-api",
            "aws_ec2_subnet:prod-public-a -> aws_lambda_function:orders-api",
            "aws_ec2_subnet:prod-private-b -> aws_lambda_function:orders-api",
            "aws_ec2_security_group:prod-web -> aws_lambda_function:orders-api");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.contains("aws_lambda_function:") && !e.startsWith("aws_region:"))
        .containsExactlyInAnyOrder(
            "aws_vpc:prod -> aws_lambda_function:orders-api",
            "aws_ec2_subnet:prod-public-a -> aws_lambda_function:orders-api",
            "aws_ec2_subnet:prod-private-b -> aws_lambda_function:orders-api",
            "aws_ec2_security_group:prod-web -> aws_lambda_function:orders-api");
  }

  @Test
  void lastModifiedIsReadInLambdasFormat() {
    assertThat(AwsLambdaFunctionKind.lastModified("2024-06-03T10:15:30.000+0000"))
        .isEqualTo(Instant.parse("2024-06-03T10:15:30Z"));
    assertThat(AwsLambdaFunctionKind.lastModified("2024-06-03T12:15:30.000+02:00"))
        .isEqualTo(Instant.parse("2024-06-03T10:15:30Z"));
    assertThat(AwsLambdaFunctionKind.lastModified("yesterday")).isNull();
  }

  @Test
  void aFunctionIsTaggedAndUntaggedByItsArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    TagTarget function = new TagTarget(AwsLambdaFunctionKind.KIND, "orders-api", "orders-api", ORDERS_ARN,
        TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
    try (LambdaClient lambda = LambdaClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build()) {
      Map<String, String> before = lambda.listTags(r -> r.resource(ORDERS_ARN)).tags();
      plugin.updateTag(null, function, "owner", "payments");
      assertThat(lambda.listTags(r -> r.resource(ORDERS_ARN)).tags())
          .containsEntry("owner", "payments").containsAllEntriesOf(before);
      plugin.deleteTag(null, function, "owner");
      assertThat(lambda.listTags(r -> r.resource(ORDERS_ARN)).tags()).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> functions = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("FunctionName", "fn-" + i);
      f.put("FunctionArn", "arn:aws:lambda:us-west-2:111111111111:function:fn-" + i);
      f.put("MemorySize", 128 + i);
      functions.add(f);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("lambda", Map.of("Functions", functions)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-functions"))) {
      Graph g = collect(big, new AwsLambdaFunctionKind(3));
      assertThat(nodes(g, AwsLambdaFunctionKind.KIND)).hasSize(7);
      assertThat(node(g, AwsLambdaFunctionKind.KIND, "fn-6").properties()).containsEntry("function_memory_size", 134L);
    }
  }
}
