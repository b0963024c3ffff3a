package io.resoto.worker.aws.account;

import static io.resoto.worker.aws.credentials.TestSupport.DEMO_KEY;
import static io.resoto.worker.aws.credentials.TestSupport.DEMO_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Workers side by side, each with its own {@code aws.shard}, against one simulated organisation:
 * their accounts are disjoint and together every account.
 */
class ShardedDiscoveryTest {

  static final String KEY = "AKIASHARD00000000001";
  static final String SECRET = "shard-secret-111111111111111111111111111";

  final List<String> problems = new ArrayList<>();

  List<String> discover(Simulation sim, Object... overrides) throws Exception {
    AwsConfig config = TestSupport.config(sim, overrides);
    try (AwsClientFactory clients = new AwsClientFactory(config)) {
      List<AwsAccountTarget> targets = ConfiguredAccountDiscovery.of(config, clients)
          .discover((scope, message) -> problems.add(scope + ": " + message));
      return targets.stream().map(AwsAccountTarget::id).toList();
    }
  }

  @Test
  void twoWorkersSplitTheDemoOrganisation() throws Exception {
    try (Simulation demo = Simulation.start(Estate.demo())) {
      Object[] common = {"accessKeyId", DEMO_KEY, "secretAccessKey", DEMO_SECRET, "role", "ResotoAccess",
          "externalId", "demo-external-id", "scrapeOrg", true};
      List<String> all = discover(demo, common);
      List<String> first = discover(demo, with(common, "shard", "resotoworker-0/2"));
      List<String> second = discover(demo, with(common, "shard", "resotoworker-1/2"));
      assertThat(all).containsExactlyInAnyOrder("111111111111", "222222222222", "333333333333");
      // id mod 2: 222222222222 is even, the others odd
      assertThat(first).containsExactly("222222222222");
      assertThat(second).containsExactlyInAnyOrder("111111111111", "333333333333");
      assertThat(problems).isEmpty();
    }
  }

  @Test
  void threeWorkersSplitALargeOrganisationDisjointlyAndCompletely() throws Exception {
    int accounts = 40;
    List<String> ids = new ArrayList<>();
    StringBuilder yaml = new StringBuilder("""
        organization:
          id: o-shard0a1b2c
          management_account: "100000000000"
          roots:
            - {id: r-shard, name: Root}
        accounts:
        """);
    StringBuilder roles = new StringBuilder("roles:\n");
    for (int k = 0; k < accounts; k++) {
      String id = String.format("%012d", 100_000_000_000L + k * 1_234_567L);
      ids.add(id);
      yaml.append("  - {id: \"").append(id).append("\", name: acct-").append(k)
          .append(", email: a").append(k).append("@example.com, parent: r-shard, status: ACTIVE, regions: [us-east-1]}\n");
      roles.append("  - {account: \"").append(id).append("\", name: ResotoAccess, trust: [\"100000000000\"]}\n");
    }
    yaml.append("principals:\n  - {account: \"100000000000\", user: collector, access_key_id: ")
        .append(KEY).append(", secret_access_key: ").append(SECRET).append("}\n")
        .append(roles).append("resources: {}\n");
    try (Simulation sim = Simulation.start(Estate.parse(yaml.toString(), "sharded-org"))) {
      Object[] common = {"accessKeyId", KEY, "secretAccessKey", SECRET, "role", "ResotoAccess", "scrapeOrg", true,
          "preferAccountAliasAsName", false};
      Set<String> union = new HashSet<>();
      int total = 0;
      for (int i = 0; i < 3; i++) {
        int index = i;
        List<String> mine = discover(sim, with(common, "shard", index + "/3"));
        assertThat(mine).as("shard %d/3", index).isNotEmpty()
            .allSatisfy(id -> assertThat(Long.parseLong(id) % 3).isEqualTo(index));
        total += mine.size();
        union.addAll(mine);
      }
      assertThat(total).isEqualTo(accounts);
      assertThat(union).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(discover(sim, common)).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(problems).isEmpty();
    }
  }

  private static Object[] with(Object[] common, Object... more) {
    List<Object> all = new ArrayList<>(List.of(common));
    all.addAll(List.of(more));
    return all.toArray();
  }
}
