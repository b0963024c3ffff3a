package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/** Handlers see exactly the values the real clients sent, in each protocol. */
class RequestDecodingTest {
  private AwsSimulator sim;

  @BeforeEach
  void start() throws Exception {
    sim = SimSupport.start(new SimSupport.Keys());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void ec2DescribeInstancesFiltersAndMaxResults() {
    AtomicReference<DescribeInstancesRequest> seen = new AtomicReference<>();
    AtomicReference<CallContext> context = new AtomicReference<>();
    sim.on(DescribeInstancesRequest.class, (ctx, req) -> {
      seen.set(req);
      context.set(ctx);
      return DescribeInstancesResponse.builder().build();
    });
    try (Ec2Client ec2 = SimSupport.client(Ec2Client.builder(), sim.endpoint())) {
      ec2.describeInstances(r -> r.maxResults(7)
          .filters(Filter.builder().name("tag:Name").values("web a", "db/1").build(),
              Filter.builder().name("instance-state-name").values("running").build())
          .instanceIds("i-1", "i-2"));
    }
    assertThat(seen.get().maxResults()).isEqualTo(7);
    assertThat(seen.get().filters()).containsExactly(
        Filter.builder().name("tag:Name").values("web a", "db/1").build(),
        Filter.builder().name("instance-state-name").values("running").build());
    assertThat(seen.get().instanceIds()).containsExactly("i-1", "i-2");
    assertThat(context.get().service()).isEqualTo("ec2");
    assertThat(context.get().operation()).isEqualTo("DescribeInstances");
    assertThat(context.get().region()).isEqualTo("us-east-1");
    assertThat(context.get().accessKeyId()).isEqualTo(SimSupport.KEY_ID);
    assertThat(context.get().caller()).isEqualTo(SimSupport.USER);
  }

  @Test
  void organizationsListAccountsNextToken() {
    AtomicReference<ListAccountsRequest> seen = new AtomicReference<>();
    sim.on(ListAccountsRequest.class, (ctx, req) -> {
      seen.set(req);
      return ListAccountsResponse.builder().build();
    });
    try (OrganizationsClient org = SimSupport.client(OrganizationsClient.builder(), sim.endpoint())) {
      org.listAccounts(r -> r.nextToken("tok+/=en").maxResults(20));
    }
    assertThat(seen.get().nextToken()).isEqualTo("tok+/=en");
    assertThat(seen.get().maxResults()).isEqualTo(20);
  }

  @Test
  void lambdaListFunctionsQueryParameters() {
    AtomicReference<ListFunctionsRequest> seen = new AtomicReference<>();
    sim.on(ListFunctionsRequest.class, (ctx, req) -> {
      seen.set(req);
      return ListFunctionsResponse.builder().build();
    });
    try (LambdaClient lambda = SimSupport.client(LambdaClient.builder(), sim.endpoint())) {
      lambda.listFunctions(r -> r.marker("m a&b=c").maxItems(50).functionVersion(FunctionVersion.ALL)
          .masterRegion("eu-west-1"));
    }
    assertThat(seen.get().marker()).isEqualTo("m a&b=c");
    assertThat(seen.get().maxItems()).isEqualTo(50);
    assertThat(seen.get().functionVersion()).isEqualTo(FunctionVersion.ALL);
    assertThat(seen.get().masterRegion()).isEqualTo("eu-west-1");
  }

  @Test
  void s3ListObjectsV2Prefix() {
    AtomicReference<ListObjectsV2Request> seen = new AtomicReference<>();
    AtomicReference<CallContext> context = new AtomicReference<>();
    sim.on(ListObjectsV2Request.class, (ctx, req) -> {
      seen.set(req);
      context.set(ctx);
      return ListObjectsV2Response.builder().name(req.bucket()).prefix(req.prefix()).build();
    });
    try (S3Client s3 = SimSupport.client(S3Client.builder(), sim.endpoint())) {
      ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("my-bucket").prefix("logs/2024 01/").maxKeys(10)
          .continuationToken("ct"));
      assertThat(r.prefix()).isEqualTo("logs/2024 01/");
    }
    assertThat(seen.get().bucket()).isEqualTo("my-bucket");
    assertThat(seen.get().prefix()).isEqualTo("logs/2024 01/");
    assertThat(seen.get().maxKeys()).isEqualTo(10);
    assertThat(seen.get().continuationToken()).isEqualTo("ct");
    assertThat(context.get().service()).isEqualTo("s3");
    assertThat(context.get().operation()).isEqualTo("ListObjectsV2");
  }
}
