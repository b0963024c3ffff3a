package io.resoto.worker.awssim.imds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.identity.EstateCredentials;
import io.resoto.worker.awssim.identity.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;

class ImdsServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREDENTIALS = "/latest/meta-data/iam/security-credentials/";

  private final HttpClient http = HttpClient.newHttpClient();
  // the SDK judges expiry by the real clock, so the simulated one starts at the real time
  private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private ImdsServer imds;
  private EstateCredentials credentials;

  private ImdsServer start(Estate estate) {
    credentials = new EstateCredentials(estate, clock);
    imds = ImdsServer.start(estate, credentials, clock);
    return imds;
  }

  @AfterEach
  void stop() {
    if (imds != null) {
      imds.close();
    }
  }

  private HttpResponse<String> put(String ttl) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(imds.endpoint() + "/latest/api/token"))
        .PUT(HttpRequest.BodyPublishers.noBody());
    if (ttl != null) {
      request.header(ImdsServer.TTL_HEADER, ttl);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token() throws Exception {
    HttpResponse<String> response = put("300");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(ImdsServer.TTL_HEADER)).contains("300");
    return response.body();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(imds.endpoint() + path)).GET();
    if (token != null) {
      request.header(ImdsServer.TOKEN_HEADER, token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSdksInstanceProfileProviderGetsCredentialsTheSimulatorKnows() {
    Estate demo = Estate.demo();
    start(demo);
    try (InstanceProfileCredentialsProvider provider =
        InstanceProfileCredentialsProvider.builder().endpoint(imds.endpoint()).build()) {
      AwsCredentials resolved = provider.resolveCredentials();

      assertThat(resolved).isInstanceOf(AwsSessionCredentials.class);
      KeyRecord key = credentials.find(resolved.accessKeyId()).orElseThrow();
      assertThat(resolved.accessKeyId()).startsWith("ASIA");
      assertThat(resolved.secretAccessKey()).isEqualTo(key.secretAccessKey());
      assertThat(((AwsSessionCredentials) resolved).sessionToken()).isEqualTo(key.sessionToken());
      assertThat(key.identity().arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/worker-node/"
          + demo.instanceProfile().orElseThrow().instanceId());
      assertThat(key.expiration()).isEqualTo(clock.instant().plus(ImdsServer.DEFAULT_LIFETIME));
    }
  }

  @Test
  void servesTheRoleAndItsCredentials() throws Exception {
    start(Estate.demo());
    String token = token();
    HttpResponse<String> roles = get(CREDENTIALS, token);
    assertThat(roles.statusCode()).isEqualTo(200);
    assertThat(roles.body()).isEqualTo("worker-node");

    JsonNode doc = JSON.readTree(get(CREDENTIALS + "worker-node", token).body());
    assertThat(doc.get("Code").asText()).isEqualTo("Success");
    assertThat(doc.get("Type").asText()).isEqualTo("AWS-HMAC");
    assertThat(doc.get("LastUpdated").asText()).isEqualTo(clock.instant().toString());
    assertThat(doc.get("Expiration").asText()).isEqualTo(clock.instant().plus(Duration.ofHours(6)).toString())
        .endsWith("Z");
    KeyRecord key = credentials.find(doc.get("AccessKeyId").asText()).orElseThrow();
    assertThat(doc.get("SecretAccessKey").asText()).isEqualTo(key.secretAccessKey());
    assertThat(doc.get("Token").asText()).isEqualTo(key.sessionToken());

    assertThat(get(CREDENTIALS + "other-role", token).statusCode()).isEqualTo(404);
  }

  @Test
  void renewsCredentialsBeforeTheyExpireAsTheLifetimeSettingSays() throws Exception {
    start(Estate.parse("""
        accounts: [{id: "111111111111", name: a, regions: [eu-west-1]}]
        roles: [{account: "111111111111", name: node, trust: ["111111111111"]}]
        instance_profile: {account: "111111111111", role: node}
        settings: {assumed_role_lifetime_seconds: 60}
        """, "short"));
    String token = token();
    JsonNode first = JSON.readTree(get(CREDENTIALS + "node", token).body());
    assertThat(first.get("Expiration").asText()).isEqualTo(clock.instant().plusSeconds(60).toString());

    clock.advance(Duration.ofSeconds(29));
    JsonNode same = JSON.readTree(get(CREDENTIALS + "node", token).body());
    assertThat(same.get("AccessKeyId").asText()).isEqualTo(first.get("AccessKeyId").asText());

    clock.advance(Duration.ofSeconds(1));
    JsonNode renewed = JSON.readTree(get(CREDENTIALS + "node", token).body());
    assertThat(renewed.get("AccessKeyId").asText()).isNotEqualTo(first.get("AccessKeyId").asText());
    assertThat(renewed.get("Expiration").asText()).isEqualTo(clock.instant().plusSeconds(60).toString());
    assertThat(credentials.find(renewed.get("AccessKeyId").asText())).isPresent();
  }

  @Test
  void servesRegionInstanceIdAndIdentityDocument() throws Exception {
    Estate demo = Estate.demo();
    start(demo);
    String token = token();
    String instanceId = demo.instanceProfile().orElseThrow().instanceId();
    assertThat(get("/latest/meta-data/placement/region", token).body()).isEqualTo("eu-central-1");
    assertThat(get("/latest/meta-data/instance-id", token).body()).isEqualTo(instanceId);
    JsonNode doc = JSON.readTree(get("/latest/dynamic/instance-identity/document", token).body());
    assertThat(doc.get("region").asText()).isEqualTo("eu-central-1");
    assertThat(doc.get("accountId").asText()).isEqualTo("111111111111");
    assertThat(doc.get("instanceId").asText()).isEqualTo(instanceId);
    assertThat(get("/latest/meta-data/nothing-here", token).statusCode()).isEqualTo(404);
  }

  @Test
  void everyGetNeedsAValidUnexpiredToken() throws Exception {
    start(Estate.demo());
    assertThat(get(CREDENTIALS, null).statusCode()).isEqualTo(401);
    assertThat(get(CREDENTIALS, "made-up").statusCode()).isEqualTo(401);
    assertThat(get("/latest/meta-data/placement/region", null).statusCode()).isEqualTo(401);

    String token = token();
    assertThat(get(CREDENTIALS, token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(299));
    assertThat(get(CREDENTIALS, token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(get(CREDENTIALS, token).statusCode()).isEqualTo(401);
  }

  @Test
  void tokenTtlMustBeBetween1And21600Seconds() throws Exception {
    start(Estate.demo());
    assertThat(put(null).statusCode()).isEqualTo(400);
    assertThat(put("0").statusCode()).isEqualTo(400);
    assertThat(put("21601").statusCode()).isEqualTo(400);
    assertThat(put("soon").statusCode()).isEqualTo(400);
    assertThat(put("1").statusCode()).isEqualTo(200);
    assertThat(put("21600").statusCode()).isEqualTo(200);
  }

  @Test
  void tokensAreIssuedOnlyByPut() throws Exception {
    start(Estate.demo());
    assertThat(get("/latest/api/token", null).statusCode()).isEqualTo(405);
  }

  @Test
  void withoutAnInstanceProfileThereAreNoCredentials() throws Exception {
    start(Estate.parse("accounts: [{id: \"111111111111\", name: a, regions: [eu-west-1]}]\n", "bare"));
    assertThat(get(CREDENTIALS, token()).statusCode()).isEqualTo(404);
  }
}
