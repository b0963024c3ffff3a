package io.resoto.worker.aws.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountShardTest {

  @Test
  void parsesIndexOverCountAndAStatefulSetPodName() {
    assertThat(AccountShard.parse("0/2")).isEqualTo(new AccountShard(0, 2));
    assertThat(AccountShard.parse(" 1/2 ")).isEqualTo(new AccountShard(1, 2));
    assertThat(AccountShard.parse("resotoworker-1/3")).isEqualTo(new AccountShard(1, 3));
    assertThat(AccountShard.parse("my-release-resotoworker-12/20")).isEqualTo(new AccountShard(12, 20));
    assertThat(AccountShard.parse(null)).isEqualTo(AccountShard.ALL);
    assertThat(AccountShard.parse("")).isEqualTo(AccountShard.ALL);
    assertThat(AccountShard.parse("0/1").contains("123456789012")).isTrue();
  }

  @Test
  void eachRuleHasItsMessage() {
    assertThatThrownBy(() -> AccountShard.parse("2/2")).hasMessage(
        "the shard index must be between 0 and 1 (shards are numbered from 0), got 2/2");
    assertThatThrownBy(() -> AccountShard.parse("resotoworker-3/2")).hasMessage(
        "the shard index must be between 0 and 1 (shards are numbered from 0), got 3/2");
    assertThatThrownBy(() -> AccountShard.parse("0/0")).hasMessage(
        "the number of shards must be at least 1, got 0");
    for (String bad : List.of("1", "a/2", "1/b", "-1/2", "1/2/3", "1 / 2", "resotoworker/2")) {
      assertThatThrownBy(() -> AccountShard.parse(bad)).as(bad).hasMessage(
          "expected i/n (shard i of n, i from 0 to n-1) or <statefulset-pod-name>/n such as"
              + " resotoworker-1/2, got '" + bad + "'");
    }
    assertThatThrownBy(() -> AccountShard.parse("99999999999/99999999999"))
        .hasMessage("shard numbers are too large: '99999999999/99999999999'");
  }

  @Test
  void anAccountIsInShardIdModN() {
    assertThat(AccountShard.shardOf("222222222222", 2)).isZero();
    assertThat(AccountShard.shardOf("111111111111", 2)).isOne();
    assertThat(AccountShard.shardOf("123456789012", 7)).isEqualTo((int) (123456789012L % 7));
    // a non-numeric id (never from AWS) still has one stable shard
    assertThat(AccountShard.shardOf("acct-x", 5)).isEqualTo(AccountShard.shardOf("acct-x", 5)).isBetween(0, 4);
  }

  @Test
  void theShardsAreDisjointAndTogetherHoldEveryAccount() {
    List<String> ids = new ArrayList<>();
    for (long k = 0; k < 500; k++) {
      ids.add(String.format("%012d", 100_000_000_000L + k * 7_919_357L));
    }
    for (int n = 1; n <= 7; n++) {
      Set<String> union = new HashSet<>();
      int total = 0;
      for (int i = 0; i < n; i++) {
        AccountShard shard = new AccountShard(i, n);
        List<String> mine = ids.stream().filter(shard::contains).toList();
        total += mine.size();
        union.addAll(mine);
        // roughly balanced: no shard is empty with 500 accounts
        assertThat(mine).as("shard %s", shard).isNotEmpty();
      }
      assertThat(total).as("disjoint for n=%d", n).isEqualTo(ids.size());
      assertThat(union).as("union for n=%d", n).containsExactlyInAnyOrderElementsOf(ids);
    }
  }
}
