package io.resoto.worker.aws.kinds.acm;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.graph.Property;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsAcmCertificateKindTest {

  private static final String ARN = "arn:aws:acm:us-east-1:111111111111:certificate/";
  private static Simulation sim;
  private static Graph demo;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    demo = collect(sim).graph().graph();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static AccountCollector.Result collect(Simulation s) throws Exception {
    // one DescribeCertificate per certificate: a rate limit above the default keeps the big listing quick
    AwsConfig c = TestSupport.config(s, Map.of("requestRateLimits", Map.of("acm", 2000.0)));
    try (AwsClientFactory f = new AwsClientFactory(c)) {
      AccountCollector.Result result = new AccountCollector(c, f, TestSupport.resolver(),
          List.<AwsKind>of(new AwsAcmCertificateKind()), new TestSupport.RecordingContext())
          .collect(TestSupport.managementAccount());
      assertThat(result.problems()).as("problems").noneMatch(p -> p.kind() != null);
      return result;
    }
  }

  static List<Node> nodes(Graph g) {
    return g.nodes().stream().filter(n -> n.kind().equals(AwsAcmCertificateKind.KIND)).toList();
  }

  static Node node(Graph g, String id) {
    return nodes(g).stream().filter(n -> n.resourceId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no certificate " + id));
  }

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    Set<String> filled = new HashSet<>();
    nodes(demo).forEach(n -> n.properties().forEach((k, v) -> {
      if (v != null) {
        filled.add(k);
      }
    }));
    Set<String> declared = new HashSet<>(Set.of("arn"));
    for (Property p : new AwsAcmCertificateKind().model().properties()) {
      assertThat(filled).as("%s filled from the demo", p.name()).contains(p.name());
      declared.add(p.name());
    }
    assertThat(declared).containsAll(filled);
  }

  @Test
  void idIsTheCertificateIdNameTheDomainAndTimesComeFromTheCertificate() {
    Node c = node(demo, "0a11c0e0-0000-4000-8000-000000000001");
    assertThat(c.name()).isEqualTo("www.demo.example");
    assertThat(c.ctime()).isEqualTo(Instant.parse("2024-01-10T08:00:00Z"));
    assertThat(c.mtime()).isEqualTo(Instant.parse("2024-12-10T08:00:00Z"));
    assertThat(c.tags()).isEmpty();
    assertThat(c.properties().get("arn")).isEqualTo(ARN + "0a11c0e0-0000-4000-8000-000000000001");
    assertThat(c.idKeyExtra()).containsExactly(ARN + "0a11c0e0-0000-4000-8000-000000000001");
    assertThat(c.properties())
        .containsEntry("certificate_status", "ISSUED")
        .containsEntry("certificate_type", "AMAZON_ISSUED")
        .containsEntry("subject_alternative_names", List.of("www.demo.example", "api.demo.example"))
        .containsEntry("domain_validation_options", List.of("www.demo.example:DNS:SUCCESS"))
        .containsEntry("key_usages", List.of("DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT"))
        .containsEntry("renewal_status", "SUCCESS")
        .containsEntry("not_after", Instant.parse("2025-02-08T23:59:59Z"))
        .containsEntry("certificate_transparency_logging", "ENABLED");
    // no edges of its own (the region's edge to it aside): the original declares none
    assertThat(demo.edges()).noneMatch(e -> e.from().equals(c.id()));
    assertThat(demo.edges()).filteredOn(e -> e.to().equals(c.id())).hasSize(1);
  }

  @Test
  void certificatesOfEveryKeyAlgorithmAndRegionAreCollected() {
    // ACM's default listing holds RSA certificates only; the imported EC one must be there too
    Node ec = node(demo, "0a11c0e0-0000-4000-8000-000000000002");
    assertThat(ec.properties()).containsEntry("key_algorithm", "EC_prime256v1")
        .containsEntry("revocation_reason", "SUPERSEDED")
        .containsEntry("imported_at", Instant.parse("2023-06-01T12:00:00Z"));
    assertThat(ec.mtime()).isNull();
    Node eu = node(demo, "0a11c0e0-0000-4000-8000-000000000e01");
    assertThat(eu.properties()).containsEntry("failure_reason", "CAA_ERROR")
        .containsEntry("arn", "arn:aws:acm:eu-central-1:111111111111:certificate/0a11c0e0-0000-4000-8000-000000000e01");
    assertThat(node(demo, "0a11c0e0-0000-4000-8000-000000000e02").properties())
        .containsEntry("renewal_status", "FAILED").containsEntry("renewal_status_reason", "DOMAIN_VALIDATION_DENIED");
    assertThat(nodes(demo)).hasSize(4);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> certificates = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("CertificateArn", String.format("arn:aws:acm:us-west-2:111111111111:certificate/%08x-0000-4000-8000-000000000000", i));
      c.put("DomainName", "c" + i + ".example");
      c.put("Status", "ISSUED");
      c.put("KeyAlgorithm", i % 2 == 0 ? "RSA_2048" : "EC_secp384r1");
      certificates.add(c);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("acm", Map.of("Certificates", certificates)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-certificates"))) {
      Graph g = collect(big).graph().graph();
      assertThat(nodes(g)).hasSize(1500);
      assertThat(node(g, "000005db-0000-4000-8000-000000000000").name()).isEqualTo("c1499.example");
    }
  }
}
