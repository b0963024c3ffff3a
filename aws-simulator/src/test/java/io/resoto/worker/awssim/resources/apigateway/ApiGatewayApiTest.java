package io.resoto.worker.awssim.resources.apigateway;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** API Gateway over the wire (REST-JSON): paging by position, per-API listings, tags by ARN, errors. */
class ApiGatewayApiTest {

  private static final String ORDERS = "a1b2c3d4e5";
  private static Simulation sim;
  private static ApiGatewayClient apigateway;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    apigateway = DemoClients.client(sim, ApiGatewayClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    apigateway.close();
    sim.close();
  }

  @Test
  void apisArePagedByPosition() {
    GetRestApisResponse first = apigateway.getRestApis(b -> b.limit(1));
    assertThat(first.items()).extracting(a -> a.id()).containsExactly(ORDERS);
    GetRestApisResponse second = apigateway.getRestApis(b -> b.limit(1).position(first.position()));
    assertThat(second.items()).extracting(a -> a.id()).containsExactly("p9q8r7s6t5");
    assertThat(second.position()).isNull();
    awsError(() -> apigateway.getRestApis(b -> b.limit(501)), 400, "BadRequestException");
    awsError(() -> apigateway.getDeployments(b -> b.restApiId(ORDERS).position(first.position())), 400,
        "BadRequestException");
  }

  @Test
  void perApiListingsAndUnknownApis() {
    assertThat(apigateway.getStages(b -> b.restApiId(ORDERS)).item()).hasSize(2);
    assertThat(apigateway.getStages(b -> b.restApiId(ORDERS).deploymentId("dep0a1b2c1")).item())
        .extracting(s -> s.stageName()).containsExactly("staging");
    assertThat(apigateway.getAuthorizers(b -> b.restApiId("p9q8r7s6t5")).items()).isEmpty();
    awsError(() -> apigateway.getDeployments(b -> b.restApiId("nope")), 404, "NotFoundException");
    awsError(() -> apigateway.getStages(b -> b.restApiId("nope")), 404, "NotFoundException");
  }

  @Test
  void methodsComeWithTheirSettingsOnlyWhenEmbedded() {
    Resource plain = apigateway.getResources(b -> b.restApiId(ORDERS)).items().get(1);
    assertThat(plain.resourceMethods()).containsOnlyKeys("GET");
    assertThat(plain.resourceMethods().get("GET").authorizerId()).isNull();
    Resource embedded = apigateway.getResources(b -> b.restApiId(ORDERS).embed("methods")).items().get(1);
    assertThat(embedded.resourceMethods().get("GET").authorizerId()).isEqualTo("auth0a1b01");
  }

  @Test
  void tagsAreWrittenByArn() {
    String stage = "arn:aws:apigateway:us-east-1::/restapis/" + ORDERS + "/stages/staging";
    apigateway.tagResource(b -> b.resourceArn(stage).tags(Map.of("owner", "qa")));
    assertThat(apigateway.getStages(b -> b.restApiId(ORDERS).deploymentId("dep0a1b2c1")).item().get(0).tags())
        .isEqualTo(Map.of("owner", "qa"));
    apigateway.untagResource(b -> b.resourceArn(stage).tagKeys("owner"));
    assertThat(apigateway.getStages(b -> b.restApiId(ORDERS).deploymentId("dep0a1b2c1")).item().get(0).tags())
        .isEmpty();
    awsError(() -> apigateway.tagResource(b -> b.resourceArn("arn:aws:apigateway:us-east-1::/restapis/nope")
        .tags(Map.of("k", "v"))), 404, "NotFoundException");
    awsError(() -> apigateway.tagResource(b -> b.resourceArn("arn:aws:apigateway:us-east-1::/restapis/" + ORDERS)
        .tags(Map.of("aws:k", "v"))), 400, "BadRequestException");
    awsError(() -> apigateway.untagResource(b -> b.resourceArn("arn:aws:s3:::bucket").tagKeys("k")), 400,
        "BadRequestException");
  }
}
