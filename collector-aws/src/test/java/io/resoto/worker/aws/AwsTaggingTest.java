package io.resoto.worker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.spi.TagTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The AWS collector's tag calls against the simulator: each kind family's update and delete show
 * in the next listing, other accounts are reached the collect's way, and refusals say why.
 */
class AwsTaggingTest {

  static final String MGMT = TestSupport.MGMT;
  static final String PAYMENTS = "222222222222";
  static Simulation sim;
  static final AwsCredentialsProvider DEMO =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET));

  private AwsCollectorPlugin plugin;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void closePlugin() {
    if (plugin != null) {
      plugin.close();
    }
  }

  private AwsCollectorPlugin plugin(Map<String, Object> changes) {
    plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, changes));
    return plugin;
  }

  private void update(TagTarget target, String key, String value) throws Exception {
    plugin.updateTag(null, target, key, value);
  }

  private void delete(TagTarget target, String key) throws Exception {
    plugin.deleteTag(null, target, key);
  }

  static TagTarget target(String kind, String id, String name, String arn, String account, String region,
      Map<String, Object> properties) {
    return new TagTarget(kind, id, name, arn, account, region, null, Map.of(), properties);
  }

  static TagTarget regional(String kind, String id) {
    return target(kind, id, id, null, MGMT, "us-east-1", Map.of());
  }

  static Ec2Client ec2(String region, AwsCredentialsProvider credentials) {
    return Ec2Client.builder().endpointOverride(sim.endpoint()).region(Region.of(region))
        .credentialsProvider(credentials).build();
  }

  static Map<String, String> ec2Tags(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a, LinkedHashMap::new));
  }

  static Map<String, String> instanceTags(Ec2Client ec2, String id) {
    return ec2Tags(ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).tags());
  }

  static IamClient iam() {
    return IamClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1).credentialsProvider(DEMO)
        .build();
  }

  static Map<String, String> iamTags(List<software.amazon.awssdk.services.iam.model.Tag> tags) {
    return tags.stream().collect(Collectors.toMap(software.amazon.awssdk.services.iam.model.Tag::key,
        software.amazon.awssdk.services.iam.model.Tag::value));
  }

  @Test
  void anEc2InstanceIsTaggedAndUntaggedWithCreateTagsAndDeleteTags() throws Exception {
    plugin(Map.of());
    TagTarget instance = regional("aws_ec2_instance", "i-0a11c0e0000000001");
    try (Ec2Client ec2 = ec2("us-east-1", DEMO)) {
      Map<String, String> before = instanceTags(ec2, "i-0a11c0e0000000001");
      assertThat(before).doesNotContainKey("reviewer");

      update(instance, "reviewer", "lukas");
      assertThat(instanceTags(ec2, "i-0a11c0e0000000001")).containsEntry("reviewer", "lukas")
          .containsAllEntriesOf(before);
      update(instance, "reviewer", "");
      assertThat(instanceTags(ec2, "i-0a11c0e0000000001")).containsEntry("reviewer", "");

      delete(instance, "reviewer");
      assertThat(instanceTags(ec2, "i-0a11c0e0000000001")).isEqualTo(before);
    }
  }

  @Test
  void aVolumeAndAVpcAreTaggedInTheirRegion() throws Exception {
    plugin(Map.of());
    TagTarget volume = target("aws_ec2_volume", "vol-0a11c0e0000000e01", null, null, MGMT, "eu-central-1", Map.of());
    TagTarget vpc = regional("aws_vpc", "vpc-0a1b2c3d4e5f60001");
    update(volume, "backup", "daily");
    update(vpc, "cost-center", "42");
    try (Ec2Client eu = ec2("eu-central-1", DEMO); Ec2Client us = ec2("us-east-1", DEMO)) {
      assertThat(ec2Tags(eu.describeVolumes(r -> r.volumeIds("vol-0a11c0e0000000e01")).volumes().get(0).tags()))
          .containsEntry("backup", "daily");
      assertThat(ec2Tags(us.describeVpcs(r -> r.vpcIds("vpc-0a1b2c3d4e5f60001")).vpcs().get(0).tags()))
          .containsEntry("cost-center", "42");
      delete(volume, "backup");
      delete(vpc, "cost-center");
      assertThat(ec2Tags(eu.describeVolumes(r -> r.volumeIds("vol-0a11c0e0000000e01")).volumes().get(0).tags()))
          .doesNotContainKey("backup");
      assertThat(ec2Tags(us.describeVpcs(r -> r.vpcIds("vpc-0a1b2c3d4e5f60001")).vpcs().get(0).tags()))
          .doesNotContainKey("cost-center");
    }
  }

  @Test
  void anElasticIpIsTaggedByItsAllocationId() throws Exception {
    plugin(Map.of());
    String allocation;
    String address;
    try (Ec2Client us = ec2("us-east-1", DEMO)) {
      var a = us.describeAddresses().addresses().get(0);
      allocation = a.allocationId();
      address = a.publicIp();
      update(target("aws_ec2_elastic_ip", address, null, null, MGMT, "us-east-1", Map.of("allocation_id", allocation)),
          "owner", "net");
      assertThat(ec2Tags(us.describeAddresses(r -> r.allocationIds(allocation)).addresses().get(0).tags()))
          .containsEntry("owner", "net");
    }
    assertThatThrownBy(() -> update(target("aws_ec2_elastic_ip", address, null, null, MGMT, "us-east-1", Map.of()),
        "owner", "net"))
        .hasMessage("aws_ec2_elastic_ip " + address + " has no allocation_id, which its tag calls need");
  }

  @Test
  void iamUsersRolesPoliciesAndInstanceProfilesAreTaggedByNameOrArn() throws Exception {
    plugin(Map.of());
    TagTarget user = target("aws_iam_user", "AIDADEMOALICE00000001", "alice", "arn:aws:iam::111111111111:user/alice",
        MGMT, "us-east-1", Map.of());
    TagTarget role = target("aws_iam_role", "AROADEMOWORKERNODE001", "worker-node",
        "arn:aws:iam::111111111111:role/worker-node", MGMT, "us-east-1", Map.of());
    TagTarget policy = target("aws_iam_policy", "ANPADEMO", "resoto-collect",
        "arn:aws:iam::111111111111:policy/resoto-collect", MGMT, "us-east-1", Map.of());
    // no name: the ARN's last part is the name
    TagTarget profile = target("aws_iam_instance_profile", "AIPADEMOWORKERNODE001", null,
        "arn:aws:iam::111111111111:instance-profile/worker-node", MGMT, "us-east-1", Map.of());
    TagTarget certificate = target("aws_iam_server_certificate", "ASCADEMOWWWEXAMPLE001", "www-demo-example-com",
        "arn:aws:iam::111111111111:server-certificate/web/www-demo-example-com", MGMT, "us-east-1", Map.of());
    for (TagTarget t : List.of(user, role, policy, profile, certificate)) {
      update(t, "reviewed", "2024");
    }
    try (IamClient iam = iam()) {
      assertThat(iamTags(iam.listUserTags(r -> r.userName("alice")).tags()))
          .isEqualTo(Map.of("team", "platform", "reviewed", "2024"));
      assertThat(iamTags(iam.listRoleTags(r -> r.roleName("worker-node")).tags())).containsEntry("reviewed", "2024");
      assertThat(iamTags(iam.listPolicyTags(r -> r.policyArn(policy.arn())).tags())).containsEntry("reviewed", "2024");
      assertThat(iamTags(iam.listInstanceProfileTags(r -> r.instanceProfileName("worker-node")).tags()))
          .containsEntry("reviewed", "2024");
      assertThat(iamTags(iam.listServerCertificateTags(r -> r.serverCertificateName("www-demo-example-com")).tags()))
          .containsEntry("reviewed", "2024");
      for (TagTarget t : List.of(user, role, policy, profile, certificate)) {
        delete(t, "reviewed");
      }
      assertThat(iamTags(iam.listUserTags(r -> r.userName("alice")).tags())).isEqualTo(Map.of("team", "platform"));
      assertThat(iamTags(iam.listRoleTags(r -> r.roleName("worker-node")).tags())).doesNotContainKey("reviewed");
      assertThat(iamTags(iam.listPolicyTags(r -> r.policyArn(policy.arn())).tags())).doesNotContainKey("reviewed");
      assertThat(iamTags(iam.listInstanceProfileTags(r -> r.instanceProfileName("worker-node")).tags()))
          .doesNotContainKey("reviewed");
      assertThat(iamTags(iam.listServerCertificateTags(r -> r.serverCertificateName("www-demo-example-com")).tags()))
          .doesNotContainKey("reviewed");
    }
  }

  @Test
  void aBucketsTagSetIsRewrittenInItsRegionAndRemovedWhenEmpty() throws Exception {
    plugin(Map.of());
    TagTarget bucket = target("aws_s3_bucket", "demo-mgmt-logs", "demo-mgmt-logs", "arn:aws:s3:::demo-mgmt-logs",
        MGMT, "us-east-1", Map.of("bucket_location", "eu-central-1"));
    try (S3Client s3 = S3Client.builder().endpointOverride(sim.endpoint()).region(Region.EU_CENTRAL_1)
        .forcePathStyle(true).credentialsProvider(DEMO).build()) {
      update(bucket, "env", "prod");
      assertThat(bucketTags(s3, "demo-mgmt-logs")).isEqualTo(Map.of("owner", "platform-team", "env", "prod"));
      delete(bucket, "absent");
      assertThat(bucketTags(s3, "demo-mgmt-logs")).isEqualTo(Map.of("owner", "platform-team", "env", "prod"));
      delete(bucket, "owner");
      assertThat(bucketTags(s3, "demo-mgmt-logs")).isEqualTo(Map.of("env", "prod"));
      delete(bucket, "env");
      assertThatThrownBy(() -> s3.getBucketTagging(r -> r.bucket("demo-mgmt-logs")))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet"));
      // a bucket without tags gets its first one
      update(bucket, "owner", "platform-team");
      assertThat(bucketTags(s3, "demo-mgmt-logs")).isEqualTo(Map.of("owner", "platform-team"));
    }
  }

  static Map<String, String> bucketTags(S3Client s3, String bucket) {
    return s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
        .collect(Collectors.toMap(software.amazon.awssdk.services.s3.model.Tag::key,
            software.amazon.awssdk.services.s3.model.Tag::value));
  }

  @Test
  void aResourceInAnotherAccountIsTaggedThroughTheRoleWithTheExternalId() throws Exception {
    plugin(Map.of("role", "ResotoAccess", "account", List.of(PAYMENTS), "externalId", Secret.of("demo-external-id")));
    TagTarget instance = target("aws_ec2_instance", "i-0b22c0e0000000001", "payments-api", null, PAYMENTS,
        "us-east-1", Map.of());
    update(instance, "owner", "payments");
    try (StsClient sts = StsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(DEMO).build()) {
      Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/ResotoAccess")
          .roleSessionName("test").externalId("demo-external-id")).credentials();
      AwsCredentialsProvider payments = StaticCredentialsProvider.create(
          AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
      try (Ec2Client ec2 = ec2("us-east-1", payments)) {
        assertThat(instanceTags(ec2, "i-0b22c0e0000000001")).containsEntry("owner", "payments");
        delete(instance, "owner");
        assertThat(instanceTags(ec2, "i-0b22c0e0000000001")).doesNotContainKey("owner");
      }
    }
  }

  @Test
  void anAccountTheConfigDoesNotReachIsRefusedWithWhatEachWayAnswered() {
    TagTarget instance = target("aws_ec2_instance", "i-0b22c0e0000000001", null, null, PAYMENTS, "us-east-1", Map.of());
    plugin(Map.of());
    assertThatThrownBy(() -> update(instance, "owner", "x"))
        .hasMessageStartingWith("no credentials of the aws config reach account 222222222222: access_key_id belongs"
            + " to account 111111111111 (tags are changed with the collect's credentials");
    plugin.close();
    plugin(Map.of("role", "ResotoAccess", "account", List.of(PAYMENTS)));
    // the role needs the ExternalId, which this config lacks
    assertThatThrownBy(() -> update(instance, "owner", "x"))
        .hasMessageStartingWith("no credentials of the aws config reach account 222222222222: access_key_id as"
            + " arn:aws:iam::222222222222:role/ResotoAccess: AccessDenied")
        .message().doesNotContain(TestSupport.SECRET).doesNotContain(TestSupport.KEY);
  }

  @Test
  void anUnknownResourceIsAwsErrorCodeAndMessage() {
    plugin(Map.of());
    assertThatThrownBy(() -> update(regional("aws_ec2_instance", "i-0000000000000dead"), "owner", "x"))
        .hasMessageStartingWith("ec2:CreateTags in 111111111111/us-east-1: InvalidInstanceID.NotFound: ");
    assertThatThrownBy(() -> delete(target("aws_iam_role", "AROA", "no-such-role", null, MGMT, "us-east-1", Map.of()),
        "owner"))
        .hasMessageStartingWith("iam:UntagRole in 111111111111/us-east-1: NoSuchEntity: ");
    assertThatThrownBy(() -> update(target("aws_s3_bucket", "no-such-bucket", null, null, MGMT, "us-east-1", Map.of()),
        "owner", "x"))
        .hasMessageStartingWith("s3:GetBucketTagging, s3:PutBucketTagging in 111111111111/us-east-1: NoSuchBucket: ");
  }

  @Test
  void kindsWithoutTagCallsAreRefused() {
    plugin(Map.of());
    assertThatThrownBy(() -> update(target("aws_iam_group", "AGPA", "admins", null, MGMT, "us-east-1", Map.of()),
        "owner", "x"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("aws_iam_group has no tag calls (AWS or the collector offers none for this kind): its tags cannot"
            + " be changed");
    assertThatThrownBy(() -> delete(regional("aws_ec2_image", "ami-1"), "owner"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> delete(regional("aws_lambda_function_of_the_future", "f"), "owner"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("aws_lambda_function_of_the_future is not a kind of this AWS collector; its tags cannot be changed"
            + " here");
  }

  @Test
  void aNodeWithoutAccountIsRefused() {
    plugin(Map.of());
    assertThatThrownBy(() -> update(target("aws_vpc", "vpc-1", null, null, null, "us-east-1", Map.of()), "a", "b"))
        .hasMessage("aws_vpc vpc-1 has no account ancestor (ancestors.account.reported.id)");
  }

  @Test
  void theCollectorSaysItTags() {
    assertThat(new AwsCollectorPlugin().supportsTags()).isTrue();
    assertThatThrownBy(() -> new AwsCollectorPlugin().updateTag(null, regional("aws_vpc", "vpc-1"), "a", "b"))
        .hasMessage("the aws collector was not initialised");
  }
}
