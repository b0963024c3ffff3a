package io.resoto.worker.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.account.AccountShard;
import io.resoto.worker.config.ConfigException;
import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart in helm/resotoworker, through Helm's own engine (helm-java): it lints, and the
 * manifests it renders for the default values and for each example in its ci/ folder (the values
 * docs/aws-access.md and docs/kubernetes.md show) are what the worker and Kubernetes need. The
 * rendered config file is loaded by the worker's own config loader, so a chart value the worker
 * would reject at startup fails here.
 */
class ResotoWorkerChartTest {

  static final Path CHART = Path.of("..", "helm", "resotoworker").toAbsolutePath().normalize();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ConfigLoader WORKER_CONFIG = PluginRegistry.discover(ResotoWorkerChartTest.class.getClassLoader())
      .configLoader();

  @TempDir Path tmp;

  /** The rendered objects, in order. */
  record Manifests(List<JsonNode> objects) {
    List<JsonNode> ofKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
      List<JsonNode> found = ofKind(kind);
      assertThat(found).as("objects of kind %s", kind).hasSize(1);
      return found.get(0);
    }

    List<String> kinds() {
      return objects.stream().map(o -> o.path("kind").asText()).toList();
    }

    /** The pod spec of the Deployment or the StatefulSet. */
    JsonNode pod() {
      List<JsonNode> workloads = new ArrayList<>(ofKind("Deployment"));
      workloads.addAll(ofKind("StatefulSet"));
      assertThat(workloads).hasSize(1);
      return workloads.get(0).path("spec").path("template").path("spec");
    }

    JsonNode container() {
      JsonNode containers = pod().path("containers");
      assertThat(containers.size()).isEqualTo(1);
      return containers.get(0);
    }

    /** The container's env entries by name. */
    Map<String, JsonNode> env() {
      Map<String, JsonNode> env = new HashMap<>();
      container().path("env").forEach(e -> env.put(e.path("name").asText(), e));
      return env;
    }

    String configFile() {
      return one("ConfigMap").path("data").path("resotoworker.yaml").asText();
    }
  }

  static Manifests render(Consumer<TemplateCommand> values) throws IOException {
    TemplateCommand template = new Helm(CHART).template().withName("rw").withNamespace("resoto")
        .withKubeVersion("1.29.0");
    values.accept(template);
    String out = template.call();
    List<JsonNode> objects = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(out)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          objects.add(node);
        }
      });
    }
    return new Manifests(objects);
  }

  static Manifests render(String ciValuesFile) throws IOException {
    return render(t -> t.withValuesFile(CHART.resolve("ci").resolve(ciValuesFile)));
  }

  /** The rendered config file loaded as the worker loads it at startup, with the pod's environment. */
  LoadedConfig load(Manifests m, Map<String, String> environment) throws IOException, ConfigException {
    Path file = tmp.resolve("resotoworker.yaml");
    Files.writeString(file, m.configFile());
    return WORKER_CONFIG.load(file, environment, List.of());
  }

  @Test
  void theChartLints() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void everyExampleRendersAndTheWorkerAcceptsItsConfig() throws Exception {
    List<Path> examples;
    try (var files = Files.list(CHART.resolve("ci"))) {
      examples = files.filter(f -> f.toString().endsWith("-values.yaml")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    for (Path example : examples) {
      Manifests m = render(example.getFileName().toString());
      assertThat(m.kinds()).as("%s", example).contains("ConfigMap", "ServiceAccount", "Service");
      assertThat(load(m, Map.of()).section("resotoworker", ResotoWorkerConfig.class).collector())
          .as("%s", example).containsExactly("aws");
    }
  }

  /** The values blocks of docs/kubernetes.md, each on its own and all together, as a reader would use them. */
  @Test
  void theValuesBlocksOfTheKubernetesPageRender() throws Exception {
    String page = Files.readString(CHART.resolve("../../docs/kubernetes.md").normalize());
    List<String> blocks = new ArrayList<>();
    var matcher = java.util.regex.Pattern.compile("(?ms)^```yaml\\n(.*?)^```").matcher(page);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    assertThat(blocks).hasSize(4);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Path file = tmp.resolve("kubernetes-md-" + i + "-values.yaml");
      Files.writeString(file, blocks.get(i));
      files.add(file);
      Manifests m = render(t -> t.withValuesFile(file));
      assertThat(m.kinds()).as("block %d:%n%s", i, blocks.get(i)).contains("ConfigMap", "Service");
      load(m, Map.of());
    }
    Manifests all = render(t -> files.forEach(t::withValuesFile));
    assertThat(all.kinds()).contains("StatefulSet", "ServiceMonitor");
    assertThat(all.env().get("RESOTOWORKER_RESOTOCORE_URI").path("value").asText())
        .isEqualTo("http://resotocore.resoto.svc:8900");
    LoadedConfig config = load(all, Map.of());
    assertThat(config.section("resotoworker", ResotoWorkerConfig.class).collector()).containsExactly("aws");
    assertThat(config.section("aws", AwsConfig.class).region()).containsExactly("us-east-1", "eu-central-1");
  }

  @Test
  void theDefaultsRenderOneHardenedWorker() throws Exception {
    Manifests m = render(t -> {});
    assertThat(m.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Service", "Deployment");
    JsonNode deployment = m.one("Deployment");
    assertThat(deployment.path("metadata").path("name").asText()).isEqualTo("rw-resotoworker");
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(deployment.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
    assertThat(deployment.path("spec").path("selector").path("matchLabels"))
        .isEqualTo(deployment.path("spec").path("template").path("metadata").path("labels"));

    JsonNode c = m.container();
    assertThat(c.path("image").asText()).isEqualTo("resotoworker:0.1.0");
    assertThat(texts(c.path("args"))).containsExactly("--config", "/etc/resotoworker/resotoworker.yaml");
    assertThat(c.path("ports").get(0).path("containerPort").asInt()).isEqualTo(9956);
    assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
    assertThat(c.path("livenessProbe").path("httpGet").path("port").asText()).isEqualTo("http");
    assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/ready");
    assertThat(c.path("readinessProbe").path("httpGet").path("port").asText()).isEqualTo("http");
    assertThat(c.path("livenessProbe").has("enabled")).isFalse();
    assertThat(c.path("env").isMissingNode() || c.path("env").isNull() || c.path("env").isEmpty()).isTrue();

    JsonNode pod = m.pod();
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
    assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(texts(c.path("securityContext").path("capabilities").path("drop"))).containsExactly("ALL");
    assertThat(pod.path("terminationGracePeriodSeconds").asInt())
        .isGreaterThan(ResotoWorkerConfig.DEFAULTS.shutdownGrace());
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo("rw-resotoworker");
    assertThat(pod.path("automountServiceAccountToken").asBoolean()).isFalse();

    // with a read-only root, the data directory and /tmp are volumes
    Map<String, String> mounts = mounts(c);
    assertThat(mounts).containsEntry("/etc/resotoworker", "config").containsEntry("/tmp", "tmp")
        .containsEntry("/home/resoto/.resotoworker/data", "data");
    assertThat(volume(pod, "data").has("emptyDir")).isTrue();
    assertThat(volume(pod, "tmp").has("emptyDir")).isTrue();
    assertThat(volume(pod, "config").path("configMap").path("name").asText()).isEqualTo("rw-resotoworker");

    JsonNode service = m.one("Service");
    assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(9956);
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
    assertThat(m.ofKind("ServiceMonitor")).isEmpty();

    LoadedConfig config = load(m, Map.of());
    assertThat(config.section("resotoworker", ResotoWorkerConfig.class).collector()).containsExactly("aws");
    assertThat(config.section("aws", AwsConfig.class).accountShard()).isEqualTo(AccountShard.ALL);
  }

  @Test
  void accessKeysFromTheResotoAuthSecret() throws Exception {
    Manifests m = render("aws-keys-secret-values.yaml");
    Map<String, JsonNode> env = m.env();
    for (String key : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")) {
      JsonNode ref = env.get(key).path("valueFrom").path("secretKeyRef");
      assertThat(ref.path("name").asText()).isEqualTo("resoto-auth");
      assertThat(ref.path("key").asText()).isEqualTo(key);
    }
    AwsConfig aws = load(m, Map.of()).section("aws", AwsConfig.class);
    assertThat(aws.accessKeyId()).isNull();
    assertThat(aws.secretAccessKey()).isNull();
  }

  @Test
  void aCredentialsSecretMountedAtTheHomeAndItsProfiles() throws Exception {
    Manifests m = render("credentials-profiles-values.yaml");
    assertThat(mounts(m.container())).containsEntry("/home/resoto/.aws", "aws-credentials");
    assertThat(volume(m.pod(), "aws-credentials").path("secret").path("secretName").asText()).isEqualTo("resoto-home");
    assertThat(load(m, Map.of()).section("aws", AwsConfig.class).profiles()).containsExactly("production", "test", "dev");
  }

  @Test
  void irsaAnnotatesTheServiceAccount() throws Exception {
    Manifests m = render("irsa-org-values.yaml");
    JsonNode sa = m.one("ServiceAccount");
    assertThat(sa.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/resotoworker");
    assertThat(m.pod().path("serviceAccountName").asText()).isEqualTo(sa.path("metadata").path("name").asText());
    AwsConfig aws = load(m, Map.of()).section("aws", AwsConfig.class);
    assertThat(aws.role()).isEqualTo("ResotoAccess");
    assertThat(aws.scrapeOrg()).isTrue();
  }

  @Test
  void twoReplicasAreAStatefulSetOfShards() throws Exception {
    Manifests m = render("sharded-values.yaml");
    assertThat(m.ofKind("Deployment")).isEmpty();
    assertThat(m.ofKind("PersistentVolumeClaim")).isEmpty();
    JsonNode sts = m.one("StatefulSet");
    assertThat(sts.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(sts.path("spec").path("podManagementPolicy").asText()).isEqualTo("Parallel");
    assertThat(sts.path("spec").path("serviceName").asText()).isEqualTo("rw-resotoworker-headless");
    JsonNode claim = sts.path("spec").path("volumeClaimTemplates").get(0);
    assertThat(claim.path("metadata").path("name").asText()).isEqualTo("data");
    assertThat(claim.path("spec").path("resources").path("requests").path("storage").asText()).isEqualTo("5Gi");
    assertThat(volumeNames(m.pod())).doesNotContain("data");
    assertThat(m.pod().path("terminationGracePeriodSeconds").asInt()).isEqualTo(60);

    // POD_NAME comes before the variable that refers to it: Kubernetes expands only earlier ones
    List<String> names = texts(m.container().path("env"), "name");
    assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("RESOTOWORKER_AWS__SHARD")).isNotNegative();
    Map<String, JsonNode> env = m.env();
    assertThat(env.get("POD_NAME").path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.name");
    String shard = env.get("RESOTOWORKER_AWS__SHARD").path("value").asText();
    assertThat(shard).isEqualTo("$(POD_NAME)/2");
    assertThat(env.get("RESOTOWORKER_PSK").path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo("resoto-psk");
    assertThat(m.container().path("envFrom").get(0).path("secretRef").path("name").asText()).isEqualTo("resoto-auth");

    // what each pod's worker makes of it, after Kubernetes expanded $(POD_NAME)
    for (int i = 0; i < 2; i++) {
      String podName = sts.path("metadata").path("name").asText() + "-" + i;
      LoadedConfig config = load(m, Map.of("RESOTOWORKER_AWS__SHARD", shard.replace("$(POD_NAME)", podName)));
      assertThat(config.section("aws", AwsConfig.class).accountShard()).isEqualTo(new AccountShard(i, 2));
      assertThat(config.section("resotoworker", ResotoWorkerConfig.class).shutdownGrace()).isEqualTo(20);
    }

    List<JsonNode> services = m.ofKind("Service");
    assertThat(services).extracting(s -> s.path("metadata").path("name").asText())
        .containsExactlyInAnyOrder("rw-resotoworker", "rw-resotoworker-headless");
    JsonNode monitor = m.one("ServiceMonitor");
    assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("prometheus");
    JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("port").asText()).isEqualTo("http");
    assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    // the monitor selects the metrics Service only, so each pod is scraped once
    JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
    List<String> selected = services.stream().filter(s -> matches(selector, s.path("metadata").path("labels")))
        .map(s -> s.path("metadata").path("name").asText()).toList();
    assertThat(selected).containsExactly("rw-resotoworker");
  }

  @Test
  void oneReplicaWithPersistenceClaimsAVolumeAndTheMonitorCanBeSwitchedOn() throws Exception {
    Manifests m = render(t -> t.set("persistence.enabled", true).set("serviceMonitor.enabled", true));
    assertThat(m.kinds()).contains("Deployment", "PersistentVolumeClaim", "ServiceMonitor").doesNotContain("StatefulSet");
    assertThat(volume(m.pod(), "data").path("persistentVolumeClaim").path("claimName").asText())
        .isEqualTo(m.one("PersistentVolumeClaim").path("metadata").path("name").asText());
    assertThat(m.env()).doesNotContainKey("RESOTOWORKER_AWS__SHARD");
    assertThat(m.one("Deployment").path("spec").path("template").path("metadata").has("annotations")).isFalse();
  }

  @Test
  void rollOnConfigChangeAnnotatesThePodWithTheConfigsChecksum() throws Exception {
    String first = render(t -> t.set("rollOnConfigChange", true)).one("Deployment")
        .path("spec").path("template").path("metadata").path("annotations").path("checksum/config").asText();
    String second = render(t -> t.set("rollOnConfigChange", true).set("config.resotoworker.timeout", 600))
        .one("Deployment").path("spec").path("template").path("metadata").path("annotations")
        .path("checksum/config").asText();
    assertThat(first).hasSize(64).isNotEqualTo(second);
  }

  @Test
  void aConfigTheWorkerRejectsFailsHere() throws Exception {
    Manifests m = render(t -> t.set("config.resotoworker.timout", 60).set("config.aws.shard", "2/2"));
    assertThatThrownBy(() -> load(m, Map.of())).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Object::toString)
            .anySatisfy(p -> assertThat(p).contains("resotoworker.timout: unknown key 'timout'; did you mean 'timeout'?"))
            .anySatisfy(p -> assertThat(p).contains("aws.shard: the shard index must be between 0 and 1")));
  }

  @Test
  void theGracePeriodMustOutlastTheWorkersShutdownGrace() {
    assertThatThrownBy(() -> render(t -> t.set("terminationGracePeriodSeconds", 8)))
        .hasMessageContaining("terminationGracePeriodSeconds (8) must be above config.resotoworker.shutdown_grace (8)");
    assertThatThrownBy(() -> render(t -> t.set("config.resotoworker.shutdown_grace", 45)))
        .hasMessageContaining("terminationGracePeriodSeconds (30) must be above config.resotoworker.shutdown_grace (45)");
  }

  @Test
  void theCoreUriFlavorAndOneSubscriberIdPerShard() throws Exception {
    Manifests one = render(t -> t.set("core.uri", "http://resotocore.resoto.svc:8900"));
    assertThat(one.env().get("RESOTOWORKER_RESOTOCORE_URI").path("value").asText())
        .isEqualTo("http://resotocore.resoto.svc:8900");
    assertThat(one.env()).doesNotContainKeys("RESOTOWORKER_SUBSCRIBER_ID", "RESOTOWORKER_CORE_FLAVOR");

    Manifests sharded = render(t -> t.set("replicaCount", 3).set("core.uri", "http://core:8900"));
    List<String> names = texts(sharded.container().path("env"), "name");
    assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("RESOTOWORKER_SUBSCRIBER_ID")).isNotNegative();
    assertThat(sharded.env().get("RESOTOWORKER_SUBSCRIBER_ID").path("value").asText())
        .isEqualTo("resoto.worker-$(POD_NAME)");

    Manifests fix = render(t -> t.set("replicaCount", 2).set("core.uri", "http://core:8900").set("core.flavor", "fix"));
    assertThat(fix.env().get("RESOTOWORKER_SUBSCRIBER_ID").path("value").asText()).isEqualTo("fix.worker-$(POD_NAME)");
    assertThat(fix.env().get("RESOTOWORKER_CORE_FLAVOR").path("value").asText()).isEqualTo("fix");

    Manifests named = render(t -> t.set("core.uri", "http://core:8900").set("core.subscriberId", "worker-eu"));
    assertThat(named.env().get("RESOTOWORKER_SUBSCRIBER_ID").path("value").asText()).isEqualTo("worker-eu");
  }

  @Test
  void probesAndTheMonitorUseHttpsWhenAnHttpsCoreSignsTheWorkersCertificate() throws Exception {
    Manifests plain = render(t -> t.set("core.uri", "http://core:8900"));
    assertThat(plain.container().at("/livenessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");
    assertThat(plain.container().at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");

    Manifests tls = render(t -> t.set("core.uri", "https://core:8900").set("serviceMonitor.enabled", true)
        .set("serviceMonitor.tlsConfig.insecureSkipVerify", true));
    assertThat(tls.container().at("/livenessProbe/httpGet/scheme").asText()).isEqualTo("HTTPS");
    assertThat(tls.container().at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTPS");
    JsonNode monitor = tls.ofKind("ServiceMonitor").get(0);
    assertThat(monitor.at("/spec/endpoints/0/scheme").asText()).isEqualTo("https");
    assertThat(monitor.at("/spec/endpoints/0/tlsConfig/insecureSkipVerify").asBoolean()).isTrue();

    Manifests noTls = render(t -> t.set("core.uri", "https://core:8900").set("config.resotoworker.no_tls", true));
    assertThat(noTls.container().at("/livenessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");
  }

  @Test
  void shardsMustNotReplaceEachOthersGraph() throws Exception {
    assertThatThrownBy(() -> render(t -> t.set("replicaCount", 2).set("config.resotoworker.graph_merge_kind", "cloud")))
        .hasMessageContaining("replicaCount above 1 needs config.resotoworker.graph_merge_kind: account");
    assertThat(render(t -> t.set("config.resotoworker.graph_merge_kind", "cloud")).kinds()).contains("Deployment");
  }

  @Test
  void aChangedWebPortMovesTheContainerPort() throws Exception {
    Manifests m = render(t -> t.set("config.resotoworker.web_port", 8080));
    assertThat(m.container().path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
    assertThat(load(m, Map.of()).section("resotoworker", ResotoWorkerConfig.class).webPort()).isEqualTo(8080);
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    for (var it = selector.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> mounts(JsonNode container) {
    Map<String, String> mounts = new HashMap<>();
    container.path("volumeMounts").forEach(v -> mounts.put(v.path("mountPath").asText(), v.path("name").asText()));
    return mounts;
  }

  private static JsonNode volume(JsonNode pod, String name) {
    for (JsonNode v : pod.path("volumes")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    throw new AssertionError("no volume " + name + " in " + pod.path("volumes"));
  }

  private static List<String> volumeNames(JsonNode pod) {
    return texts(pod.path("volumes"), "name");
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
  }
}
