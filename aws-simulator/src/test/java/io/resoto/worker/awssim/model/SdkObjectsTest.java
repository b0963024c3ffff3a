package io.resoto.worker.awssim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.Tag;

class SdkObjectsTest {

  private static final String YAML = """
      InstanceId: i-0123456789abcdef0
      InstanceType: t3.micro
      LaunchTime: 2024-01-02T03:04:05Z
      State: {Code: 16, Name: running}
      CpuOptions: {CoreCount: 1, ThreadsPerCore: 2}
      Tags:
        - {Key: Name, Value: web-1}
        - {Key: owner, Value: alice}
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: {VolumeId: vol-0abc, DeleteOnTermination: true, AttachTime: "2024-01-02T03:04:06Z"}
      """;

  @Test
  void buildsModelObjectsFromTheApiShape() {
    Map<String, Object> data = new Yaml().load(YAML);
    Instance i = SdkObjects.fromMap(Instance.class, data, "instances[0]");

    assertThat(i.instanceId()).isEqualTo("i-0123456789abcdef0");
    assertThat(i.instanceType()).isEqualTo(InstanceType.T3_MICRO);
    assertThat(i.launchTime()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(i.state().name()).isEqualTo(InstanceStateName.RUNNING);
    assertThat(i.state().code()).isEqualTo(16);
    assertThat(i.cpuOptions().threadsPerCore()).isEqualTo(2);
    assertThat(i.tags()).containsExactly(Tag.builder().key("Name").value("web-1").build(),
        Tag.builder().key("owner").value("alice").build());
    assertThat(i.blockDeviceMappings().get(0).ebs().volumeId()).isEqualTo("vol-0abc");
    assertThat(i.blockDeviceMappings().get(0).ebs().attachTime()).isEqualTo(Instant.parse("2024-01-02T03:04:06Z"));
  }

  @Test
  void roundTripsThroughMaps() {
    Instance i = SdkObjects.fromMap(Instance.class, new Yaml().load(YAML), "i");
    Map<String, Object> back = SdkObjects.toMap(i);
    assertThat(back).containsEntry("InstanceId", "i-0123456789abcdef0").doesNotContainKey("NetworkInterfaces");
    assertThat(SdkObjects.fromMap(Instance.class, back, "i")).isEqualTo(i);
  }

  @Test
  void namesThePathOfWhatDoesNotFit() {
    assertThatThrownBy(() -> SdkObjects.fromMap(Instance.class, Map.of("InstanceID", "x"), "r[0]"))
        .hasMessageStartingWith("r[0].InstanceID: not a member of Instance; members: ")
        .hasMessageContaining("InstanceId");
    assertThatThrownBy(() -> SdkObjects.fromMap(Instance.class,
        Map.of("Tags", List.of(Map.of("Key", List.of(1)))), "r"))
        .hasMessage("r.Tags[0].Key: expected a string, got a list");
    assertThatThrownBy(() -> SdkObjects.fromMap(Instance.class, Map.of("LaunchTime", "yesterday"), "r"))
        .hasMessage("r.LaunchTime: expected an ISO-8601 timestamp like 2024-01-02T03:04:05Z, got 'yesterday'");
    assertThatThrownBy(() -> SdkObjects.fromMap(Instance.class, Map.of("AmiLaunchIndex", "many"), "r"))
        .hasMessage("r.AmiLaunchIndex: expected a number, got 'many'");
  }
}
