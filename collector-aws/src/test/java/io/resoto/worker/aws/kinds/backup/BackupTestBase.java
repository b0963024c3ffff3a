package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.spi.TagTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.Yaml;

/** What the AWS Backup kind tests share: all Backup kinds, a big estate to page, the tag round trip. */
abstract class BackupTestBase extends KindTestHarness {

  static final String VAULTS = "arn:aws:backup:us-east-1:111111111111:backup-vault:";
  static final String PLAN_1 = "0a11c0e0-bb00-4000-8000-000000000001";
  static final String RP_EBS = "arn:aws:ec2:us-east-1::snapshot/snap-0a11c0e0000000101";
  static final String RP_EC2 = "arn:aws:ec2:us-east-1::image/ami-0a11c0e0000000101";

  /** Every Backup kind. */
  static AwsKind[] backupKinds() {
    return new AwsKind[] {new AwsBackupVaultKind(), new AwsBackupRecoveryPointKind(), new AwsBackupPlanKind(),
        new AwsBackupProtectedResourceKind(), new AwsBackupJobKind(), new AwsBackupRestoreJobKind(),
        new AwsBackupCopyJobKind(), new AwsBackupReportPlanKind(), new AwsBackupRestoreTestingPlanKind(),
        new AwsBackupLegalHoldKind(), new AwsBackupFrameworkKind()};
  }

  /**
   * The demo estate's settings with only these Backup collections, in us-west-2: {@code count}
   * items each, made by {@code item}.
   */
  @SuppressWarnings("unchecked")
  static Simulation many(int count, Map<String, IntFunction<Map<String, Object>>> collections) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Map<String, Object> backup = new java.util.LinkedHashMap<>();
    collections.forEach((name, item) -> {
      List<Map<String, Object>> items = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        items.add(item.apply(i));
      }
      backup.put(name, items);
    });
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("backup", backup))));
    return Simulation.start(Estate.parse(yaml.dump(doc), "many-backups"));
  }

  /**
   * Sets a tag through the plugin (the kind's TagSupport), checks the kind then reads it, removes
   * it again and checks it is gone.
   */
  void tagRoundTrip(AwsKind kind, String id, String name, String arn) throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(kind.name(), id, name, arn, TestSupport.MGMT, "us-east-1", null, Map.of(),
          Map.of());
      Map<String, String> before = node(collect(kind), kind.name(), id).tags();
      plugin.updateTag(null, target, "reviewer", "lukas");
      Graph tagged = collect(kind);
      assertThat(node(tagged, kind.name(), id).tags()).containsEntry("reviewer", "lukas")
          .containsAllEntriesOf(before);
      plugin.deleteTag(null, target, "reviewer");
      assertThat(node(collect(kind), kind.name(), id).tags()).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }
}
