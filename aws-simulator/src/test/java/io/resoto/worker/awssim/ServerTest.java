package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The server's life cycle, binding, routing of unknown operations and counters. */
class ServerTest {

  @Test
  void unknownOperationsGetTheProtocolsError() throws Exception {
    try (AwsSimulator sim = SimSupport.start(new SimSupport.Keys())) {
      sim.on(DescribeRegionsRequest.class, (ctx, req) -> DescribeRegionsResponse.builder().build());
      sim.on(ListAccountsRequest.class, (ctx, req) -> ListAccountsResponse.builder().build());
      sim.on(ListFunctionsRequest.class, (ctx, req) -> ListFunctionsResponse.builder().build());
      var creds = SimSupport.defaultCredentials();
      try (Ec2Client ec2 = SimSupport.client(Ec2Client.builder(), sim.endpoint(), creds, false);
          StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint(), creds, false);
          OrganizationsClient org = SimSupport.client(OrganizationsClient.builder(), sim.endpoint(), creds, false);
          LambdaClient lambda = SimSupport.client(LambdaClient.builder(), sim.endpoint(), creds, false);
          S3Client s3 = SimSupport.client(S3Client.builder(), sim.endpoint(), creds, false)) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, ec2::describeVpcs);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
        // a service without any handler: the protocol is recognised from the request
        e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
        e = catchThrowableOfType(AwsServiceException.class, org::describeOrganization);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        e = catchThrowableOfType(AwsServiceException.class, () -> lambda.getFunction(r -> r.functionName("f")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        e = catchThrowableOfType(AwsServiceException.class, s3::listBuckets);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
      }
      assertThat(sim.counters().get("ec2", "DescribeVpcs").failed()).isEqualTo(1);
      assertThat(sim.counters().get("organizations", "DescribeOrganization").failed()).isEqualTo(1);
    }
  }

  @Test
  void bindsTheLoopbackAddressOnly() throws Exception {
    try (AwsSimulator sim = SimSupport.start(new SimSupport.Keys())) {
      assertThat(sim.endpoint().getHost()).isEqualTo("127.0.0.1");
      int port = sim.endpoint().getPort();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 2000);
        assertThat(s.isConnected()).isTrue();
      }
      // another loopback address reaches this machine, but nothing listens there for us
      assertThatThrownBy(() -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port), 2000);
        }
      }).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void closeFreesThePortAndStopsServing() throws Exception {
    AwsSimulator sim = SimSupport.start(new SimSupport.Keys());
    sim.on(GetCallerIdentityRequest.class, (ctx, req) -> GetCallerIdentityResponse.builder().account("1").build());
    int port = sim.endpoint().getPort();
    try (StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint(), SimSupport.defaultCredentials(),
        false)) {
      assertThat(sts.getCallerIdentity().account()).isEqualTo("1");
      sim.close();
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class);
    }
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      assertThat(again.isBound()).isTrue();
    }
    sim.close(); // idempotent
  }

  @Test
  void aFixedPortIsUsed() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    try (AwsSimulator sim = AwsSimulator.builder().credentials(new SimSupport.Keys()).port(port).threads(2).start()) {
      assertThat(sim.endpoint().getPort()).isEqualTo(port);
    }
  }

  @Test
  void countersSnapshotAndReset() throws Exception {
    try (AwsSimulator sim = SimSupport.start(new SimSupport.Keys())) {
      sim.on(GetCallerIdentityRequest.class, (ctx, req) -> GetCallerIdentityResponse.builder().build());
      try (StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint())) {
        sts.getCallerIdentity();
        sts.getCallerIdentity();
      }
      var snapshot = sim.counters().snapshot();
      assertThat(snapshot).containsEntry("sts:GetCallerIdentity", new CallCounters.Stats(2, 0, 0));
      assertThatThrownBy(() -> snapshot.put("x", null)).isInstanceOf(UnsupportedOperationException.class);
      sim.counters().reset();
      assertThat(sim.counters().snapshot()).isEmpty();
      assertThat(snapshot).containsEntry("sts:GetCallerIdentity", new CallCounters.Stats(2, 0, 0));
    }
  }

  @Test
  void registrationNeedsAGeneratedRequestClassAndCredentials() {
    assertThatThrownBy(() -> AwsSimulator.builder().build()).isInstanceOf(NullPointerException.class);
    try (AwsSimulator sim = AwsSimulator.builder().credentials(new SimSupport.Keys()).build()) {
      assertThatThrownBy(() -> sim.on(BogusRequest.class, (ctx, req) -> null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(sim::endpoint).isInstanceOf(IllegalStateException.class);
    }
  }

  /** Not an SDK request class. */
  abstract static class BogusRequest extends software.amazon.awssdk.core.SdkRequest {
    BogusRequest() {
      super();
    }
  }
}
