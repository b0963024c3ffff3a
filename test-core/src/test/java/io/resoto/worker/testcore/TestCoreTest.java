package io.resoto.worker.testcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestCoreTest {

  private static final String PSK = "test-psk";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private TestCore core;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    core = TestCore.start(TestCore.Options.psk(PSK));
  }

  @AfterEach
  void stop() throws Exception {
    core.close();
  }

  static String token(String psk) throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header = url.encodeToString(("{\"alg\":\"HS256\",\"salt\":\"" + Base64.getEncoder().encodeToString(salt) + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    String payload = url.encodeToString(("{\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}").getBytes(StandardCharsets.UTF_8));
    byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(psk.toCharArray(), salt, 100_000, 256)).getEncoded();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return header + "." + payload + "." + url.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
  }

  private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(core.uri().resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        // a request must never wait forever: a hang fails the test instead of the build
        .timeout(java.time.Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private final class Recorder implements WebSocket.Listener {
    final List<String> texts = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed = true;
      return null;
    }
  }

  private WebSocket connect(String path, String token, Recorder recorder) throws Exception {
    WebSocket.Builder b = http.newWebSocketBuilder();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.buildAsync(URI.create("ws://127.0.0.1:" + core.port() + path), recorder).get();
  }

  @Test
  void readyNeedsNoTokenEverythingElseDoes() throws Exception {
    assertThat(send("GET", "/system/ready", null, null).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/graph/resoto", null, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/graph/resoto", null, token("wrong")).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/graph/resoto", null, token(PSK)).statusCode()).isEqualTo(200);
    assertThat(core.authFailures()).containsExactly("/graph/resoto: no Authorization",
        "/graph/resoto: signature does not match the PSK");
    assertThat(send("POST", "/graph/no_underscores", null, token(PSK)).statusCode()).isEqualTo(400);
  }

  @Test
  void aSecondActionsSocketOfTheSameSubscriberGets429AndPendingActionsArePushedOnConnect() throws Exception {
    assertThat(send("POST", "/subscriber/w1/collect?timeout=10800&wait_for_completion=true", null, token(PSK))
        .statusCode()).isEqualTo(200);
    assertThat(core.subscriptions().get("w1").get("collect").get("timeout").asLong()).isEqualTo(10800);
    // sent while nobody listens: pending
    assertThat(core.collect("t1")).containsExactly("w1");
    Recorder first = new Recorder();
    WebSocket ws = connect("/subscriber/w1/handle", token(PSK), first);
    Await.until("pending action pushed", WAIT, () -> first.texts.size() == 1);
    assertThat(TestCore.json(first.texts.get(0)).at("/data/task").asText()).isEqualTo("t1");
    assertThatThrownBy(() -> connect("/subscriber/w1/handle", token(PSK), new Recorder()))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(429));
    ws.sendText("{\"kind\":\"action_done\",\"message_type\":\"collect\",\"data\":{\"task\":\"t1\",\"step\":\"collect\"}}", true).get();
    Await.until("answer", WAIT, () -> core.answers("t1").size() == 1);
    assertThat(core.pending("w1")).isEmpty();
    ws.sendText("not json", true).get();
    Await.until("invalid frame kept", WAIT, () -> core.invalidActionFrames().contains("not json"));
  }

  @Test
  void aSocketWithoutHeaderAuthenticatesWithItsFirstFrame() throws Exception {
    Recorder events = new Recorder();
    WebSocket ws = connect("/events?show=config-updated", null, events);
    ws.sendText("{\"kind\":\"authorization\",\"jwt\":\"Bearer " + token(PSK) + "\"}", true).get();
    Await.until("listener registered", WAIT, () -> core.eventListeners().size() == 1);
    core.publish("config-updated", TestCore.object().put("id", "resoto.worker").put("revision", "r1"));
    core.publish("graph-merge-completed", TestCore.object());
    Await.until("event received", WAIT, () -> events.texts.size() == 1);
    assertThat(events.texts.get(0)).contains("config-updated");

    Recorder refused = new Recorder();
    WebSocket bad = connect("/work/queue", null, refused);
    bad.sendText("{\"kind\":\"authorization\",\"jwt\":\"Bearer " + token("nope") + "\"}", true).get();
    Await.until("closed", WAIT, () -> refused.closed);
  }

  @Test
  void theTaskQueueTakesTheAnnouncementThenResults() throws Exception {
    Recorder worker = new Recorder();
    WebSocket ws = connect("/work/queue", token(PSK), worker);
    ws.sendText("[{\"name\":\"tag\",\"filter\":{\"cloud\":[\"aws\"]},\"expect_node_result\":true}]", true).get();
    Await.until("announced", WAIT, () -> core.announcedTasks().size() == 1);
    assertThatThrownBy(() -> core.sendTask("tag", java.util.Map.of("cloud", "gcp"), TestCore.object(), false))
        .isInstanceOf(IllegalStateException.class);
    TestCore.SentTask task = core.sendTask("tag", java.util.Map.of("cloud", "aws"), TestCore.object(), false);
    Await.until("task received", WAIT, () -> worker.texts.size() == 1);
    JsonNode received = TestCore.json(worker.texts.get(0));
    assertThat(received.get("task_name").asText()).isEqualTo("tag");
    ws.sendText("{\"task_id\":\"" + task.id() + "\",\"result\":\"done\",\"data\":{\"x\":1}}", true).get();
    assertThat(task.result().get().at("/data/x").asInt()).isEqualTo(1);
  }

  @Test
  void configsAreValidatedAgainstTheConfigModelAndVersioned() throws Exception {
    assertThat(send("GET", "/config/resoto.worker", null, token(PSK)).statusCode()).isEqualTo(404);
    assertThat(send("PATCH", "/configs/model",
        "[{\"fqn\":\"resotoworker\",\"bases\":[],\"properties\":[{\"name\":\"timeout\",\"kind\":\"int64\",\"required\":true}]}]",
        token(PSK)).statusCode()).isEqualTo(200);
    assertThat(send("PUT", "/config/resoto.worker", "{\"resotoworker\":{\"timeout\":\"soon\"}}", token(PSK)).statusCode())
        .isEqualTo(400);
    HttpResponse<String> put = send("PUT", "/config/resoto.worker", "{\"resotoworker\":{\"timeout\":5}}", token(PSK));
    assertThat(put.statusCode()).isEqualTo(200);
    String revision = put.headers().firstValue("Resoto-Config-Revision").orElseThrow();
    HttpResponse<String> get = send("GET",
        "/config/resoto.worker?separate_overrides=true&apply_overrides=true&include_raw_config=true", null, token(PSK));
    assertThat(get.headers().firstValue("Resoto-Config-Revision")).contains(revision);
    assertThat(TestCore.json(get.body()).at("/raw_config/resotoworker/timeout").asInt()).isEqualTo(5);
  }

  @Test
  void mergesAreCheckedAndKeptWithTheirHeadersAndDownRefusesConnections() throws Exception {
    send("POST", "/graph/resoto", null, token(PSK));
    send("PUT", "/graph/resoto/model", "[{\"fqn\":\"graph_root\",\"bases\":[]},{\"fqn\":\"account\",\"bases\":[]}]", token(PSK));
    HttpRequest merge = HttpRequest.newBuilder(core.uri().resolve("/graph/resoto/merge?wait_for_result=false"))
        .header("Authorization", "Bearer " + token(PSK))
        .header("Content-Type", "application/x-ndjson")
        .header("Resoto-Worker-Task-Id", "t9")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"id\":\"r\",\"reported\":{\"kind\":\"graph_root\",\"id\":\"root\"}}\n"
                + "{\"id\":\"a\",\"reported\":{\"kind\":\"account\",\"id\":\"1\"},\"metadata\":{\"replace\":true}}\n"
                + "{\"from\":\"r\",\"to\":\"a\"}\n"))
        .build();
    assertThat(http.send(merge, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
    assertThat(core.uploads("t9")).hasSize(1);
    assertThat(core.uploads("t9").get(0).replaceNodeIds()).containsExactly("a");

    core.down();
    // a new client: the shared one may still hold a kept-alive connection the stopped connector
    // never answers on (seen once as a hang of the whole build)
    java.net.http.HttpClient fresh = java.net.http.HttpClient.newBuilder()
        .connectTimeout(java.time.Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(core.uri().resolve("/system/ready"))
        .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    core.up();
    assertThat(send("GET", "/system/ready", null, null).statusCode()).isEqualTo(200);
    core.fail("GET", "/system/ready", 500, 1);
    assertThat(send("GET", "/system/ready", null, null).statusCode()).isEqualTo(500);
    assertThat(send("GET", "/system/ready", null, null).statusCode()).isEqualTo(200);
  }
}
