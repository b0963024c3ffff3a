package io.resoto.worker.awssim.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateReplicasTest {

  private static final Account TARGET = new Account("123456789012", "target", "target", "t@example.com", "r-1",
      "ACTIVE", List.of("eu-west-1", "ap-south-1"), List.of(), Instant.parse("2024-01-01T00:00:00Z"));

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> services, String service, String collection) {
    return (List<Map<String, Object>>) ((Map<String, Object>) services.get(service)).get(collection);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyCopyIsConsistentInItself() {
    Map<String, Object> region = TemplateReplicas.demo(3).generate(TARGET, "eu-west-1", 7);

    List<Map<String, Object>> queues = items(region, "sqs", "Queues");
    assertThat(queues).extracting(q -> q.get("QueueName")).containsExactly("orders", "orders-dlq", "events.fifo",
        "orders-r1", "orders-dlq-r1", "events-r1.fifo", "orders-r2", "orders-dlq-r2", "events-r2.fifo");
    Map<String, Object> orders2 = ((Map<String, Object>) queues.get(6).get("Attributes"));
    assertThat(orders2.get("QueueArn")).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:orders-r2");
    assertThat((String) orders2.get("RedrivePolicy")).contains("arn:aws:sqs:eu-west-1:123456789012:orders-dlq-r2");

    // each copy's volumes are attached to instances and encrypted with keys of the same copy
    Set<String> instances = items(region, "ec2", "Reservations").stream()
        .flatMap(r -> ((List<Map<String, Object>>) r.get("Instances")).stream())
        .map(i -> (String) i.get("InstanceId")).collect(Collectors.toSet());
    Set<String> keys = items(region, "kms", "Keys").stream().map(k -> (String) k.get("Arn"))
        .collect(Collectors.toSet());
    int perCopy = items(TemplateReplicas.demo(1).generate(TARGET, "eu-west-1", 7), "ec2", "Reservations").stream()
        .mapToInt(r -> ((List<?>) r.get("Instances")).size()).sum();
    assertThat(instances).hasSize(3 * perCopy);
    for (Map<String, Object> volume : items(region, "ec2", "Volumes")) {
      assertThat((String) volume.get("AvailabilityZone")).startsWith("eu-west-1");
      if (volume.get("KmsKeyId") != null) {
        assertThat(keys).contains((String) volume.get("KmsKeyId"));
      }
      for (Map<String, Object> a : (List<Map<String, Object>>) volume.getOrDefault("Attachments", List.of())) {
        assertThat(instances).contains((String) a.get("InstanceId"));
      }
    }
    assertThat(items(region, "ec2", "Volumes")).extracting(v -> v.get("VolumeId")).doesNotHaveDuplicates()
        .allMatch(id -> ((String) id).matches("vol-[0-9a-f]{17}"));
    assertThat(region.toString()).doesNotContain("111111111111").doesNotContain("us-east-1");

    // Cognito pool ids (region_ + nine letters or digits) differ per copy, and the pool's users,
    // groups and ARN follow their pool
    List<Map<String, Object>> pools = items(region, "cognito-idp", "UserPools");
    assertThat(pools).extracting(p -> (String) p.get("Id")).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("eu-west-1_[A-Za-z0-9]{9}"));
    Set<String> poolIds = pools.stream().map(p -> (String) p.get("Id")).collect(Collectors.toSet());
    assertThat(pools).allMatch(p -> ((String) p.get("Arn")).endsWith(":userpool/" + p.get("Id")));
    assertThat(items(region, "cognito-idp", "PoolUsers")).extracting(u -> (String) u.get("UserPoolId"))
        .doesNotHaveDuplicates().allMatch(poolIds::contains);
    assertThat(items(region, "cognito-idp", "Groups")).extracting(g -> (String) g.get("UserPoolId"))
        .allMatch(poolIds::contains);
    // a quota is the account's and region's, one whatever the number of copies
    assertThat(items(region, "service-quotas", "Quotas")).extracting(q -> q.get("QuotaCode"))
        .doesNotHaveDuplicates().contains("L-1216C47A").hasSize(items(TemplateReplicas.demo(1)
            .generate(TARGET, "eu-west-1", 7), "service-quotas", "Quotas").size());
  }

  @Test
  void catalogueItemsAndSingletonsAreKeptOnce() {
    TemplateReplicas replicas = TemplateReplicas.demo(4);
    Map<String, Object> region = replicas.generate(TARGET, "eu-west-1", 1);
    Map<String, Object> global = replicas.generate(TARGET, RawResources.GLOBAL, 1);
    int types = items(TemplateReplicas.demo(1).generate(TARGET, "eu-west-1", 1), "ec2", "InstanceTypes").size();
    assertThat(items(region, "ec2", "InstanceTypes")).hasSize(types);
    assertThat(items(global, "iam", "RootUser")).hasSize(1);
    assertThat(items(global, "iam", "PasswordPolicy")).hasSize(1);
    assertThat(items(global, "iam", "Roles")).hasSize(4 * 2);
    // an enum value that is also a name elsewhere (the "default" security group) stays an enum value
    assertThat(region.toString()).doesNotContain("default-r");
  }

  @Test
  void globalCopiesMatchTheRegionalOnes() {
    TemplateReplicas replicas = TemplateReplicas.demo(2);
    Map<String, Object> region = replicas.generate(TARGET, "eu-west-1", 1);
    Map<String, Object> global = replicas.generate(TARGET, RawResources.GLOBAL, 1);
    // the role the copy-1 queue policy allows is the copy-1 role of the global data
    assertThat(region.toString()).contains("arn:aws:iam::123456789012:role/worker-node-r1");
    assertThat(items(global, "iam", "Roles")).extracting(r -> r.get("RoleName")).contains("worker-node-r1");
  }

  @Test
  void copiesAreDeterministicAndDifferPerRegion() {
    TemplateReplicas replicas = TemplateReplicas.demo(2);
    assertThat(replicas.generate(TARGET, "eu-west-1", 1)).isEqualTo(TemplateReplicas.demo(2).generate(TARGET,
        "eu-west-1", 99));
    Set<Object> west = items(replicas.generate(TARGET, "eu-west-1", 1), "ec2", "Volumes").stream()
        .map(v -> v.get("VolumeId")).collect(Collectors.toSet());
    Set<Object> south = items(replicas.generate(TARGET, "ap-south-1", 1), "ec2", "Volumes").stream()
        .map(v -> v.get("VolumeId")).collect(Collectors.toSet());
    assertThat(west).doesNotContainAnyElementsOf(south);
    assertThat(replicas.resourcesPerCopy()).isGreaterThan(100);
  }

  @Test
  void aGeneratedEstateLoadsWithTheCopies() {
    Estate estate = new EstateGenerator().accounts(2).regions(List.of("eu-west-1")).resources(
        TemplateReplicas.demo(2)).generate();
    String member = estate.accounts().get(1).id();
    assertThat(estate.resources().regions(member)).containsExactlyInAnyOrder(RawResources.GLOBAL, "eu-west-1");
    assertThat(estate.resources().get(member, "eu-west-1", "sqs").toString()).contains(member + ":orders-r1");
  }

  @Test
  void noCopiesIsRefused() {
    assertThatThrownBy(() -> TemplateReplicas.demo(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("copies");
  }
}
