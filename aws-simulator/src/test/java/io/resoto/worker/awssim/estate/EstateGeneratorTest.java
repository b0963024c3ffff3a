package io.resoto.worker.awssim.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EstateGeneratorTest {
  private static final List<String> REGIONS = List.of("us-east-1", "eu-central-1", "eu-south-1");

  private static EstateGenerator generator(long seed) {
    return new EstateGenerator().accounts(50).regions(REGIONS).ous(2, 3).seed(seed);
  }

  @Test
  void sameSeedSameEstate() {
    Estate a = generator(42).generate();
    Estate b = generator(42).generate();
    assertThat(b.organization()).isEqualTo(a.organization());
    assertThat(b.accounts()).isEqualTo(a.accounts());
    assertThat(b.principals()).isEqualTo(a.principals());
    assertThat(b.roles()).isEqualTo(a.roles());
    assertThat(b.instanceProfile()).isEqualTo(a.instanceProfile());
  }

  @Test
  void otherSeedOtherEstate() {
    Estate a = generator(42).generate();
    Estate b = generator(43).generate();
    assertThat(b.accounts()).extracting(Account::id).doesNotContainAnyElementsOf(
        a.accounts().stream().map(Account::id).toList());
    assertThat(b.principals().get(0).accessKeyId()).isNotEqualTo(a.principals().get(0).accessKeyId());
    assertThat(b.organization().orElseThrow().id()).isNotEqualTo(a.organization().orElseThrow().id());
  }

  @Test
  void hasTheRequestedShape() {
    Estate estate = generator(1).generate();
    Organization org = estate.organization().orElseThrow();
    assertThat(estate.accounts()).hasSize(50);
    assertThat(estate.accounts()).extracting(Account::id).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[1-9]\\d{11}"));
    assertThat(estate.accounts()).extracting(Account::alias).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(org.units()).hasSize(3 + 9);
    assertThat(estate.unitsUnder(org.roots().get(0).id())).hasSize(3);
    assertThat(org.units()).filteredOn(u -> !u.parent().equals(org.roots().get(0).id()))
        .allSatisfy(u -> assertThat(estate.isOrganizationParent(u.parent())).isTrue()).hasSize(9);
    // every OU receives accounts, the management account stays at the root
    assertThat(org.units()).allSatisfy(u -> assertThat(estate.accountsUnder(u.id())).isNotEmpty());
    assertThat(estate.account(org.managementAccount()).orElseThrow().parent()).isEqualTo(org.roots().get(0).id());
    assertThat(estate.accounts()).allSatisfy(a -> {
      assertThat(a.regions()).isEqualTo(REGIONS);
      assertThat(a.notOptedIn()).contains("af-south-1").doesNotContain("eu-south-1", "us-east-1");
    });
  }

  @Test
  void hasACollectorInTheManagementAccountAndARoleInEveryMember() {
    Estate estate = generator(1).generate();
    String mgmt = estate.organization().orElseThrow().managementAccount();
    assertThat(estate.principals()).singleElement().satisfies(p -> {
      assertThat(p.account()).isEqualTo(mgmt);
      assertThat(p.user()).isEqualTo(EstateGenerator.PRINCIPAL_USER);
      assertThat(p.accessKeyId()).matches("AKIA[A-Z0-9]{16}");
      assertThat(p.secretAccessKey()).hasSize(40);
    });
    for (Account a : estate.accounts()) {
      if (!a.id().equals(mgmt)) {
        assertThat(estate.role(a.id(), EstateGenerator.MEMBER_ROLE).orElseThrow().trust()).containsExactly(mgmt);
      }
    }
    assertThat(estate.role(mgmt, EstateGenerator.MEMBER_ROLE)).isEmpty();
    assertThat(estate.instanceProfile().orElseThrow().account()).isEqualTo(mgmt);
  }

  @Test
  void flatOrganisationsPutEveryAccountUnderTheRoot() {
    Estate estate = new EstateGenerator().accounts(4).ous(0, 0).seed(5).generate();
    String root = estate.organization().orElseThrow().roots().get(0).id();
    assertThat(estate.organization().orElseThrow().units()).isEmpty();
    assertThat(estate.accountsUnder(root)).hasSize(4);
  }

  @Test
  void asksTheResourceGeneratorPerAccountAndRegionWithStableSeeds() {
    List<String> calls = new ArrayList<>();
    Set<Long> seeds = new HashSet<>();
    ResourceGenerator recorder = (account, region, seed) -> {
      calls.add(account.id() + "/" + region);
      seeds.add(seed);
      return region.equals("us-east-1") ? Map.of("ec2", Map.of("Seed", seed)) : Map.of();
    };
    Estate estate = new EstateGenerator().accounts(3).regions(List.of("us-east-1", "eu-west-1")).seed(9)
        .resources(recorder).generate();
    assertThat(calls).hasSize(3 * 3);
    assertThat(seeds).hasSize(9);
    String first = estate.accounts().get(0).id();
    assertThat(estate.resources().regions(first)).containsExactly("us-east-1");
    Object again = new EstateGenerator().accounts(3).regions(List.of("us-east-1", "eu-west-1")).seed(9)
        .resources(recorder).generate().resources().get(first, "us-east-1", "ec2");
    assertThat(again).isEqualTo(estate.resources().get(first, "us-east-1", "ec2"));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new EstateGenerator().accounts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EstateGenerator().regions(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EstateGenerator().ous(2, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
