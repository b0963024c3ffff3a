package io.resoto.worker.aws.kinds.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;

class AwsOrganizationalRootKindTest extends OrgTreeTestBase {

  @Test
  void theManagementAccountListsTheRootUnderTheGlobalRegion() throws Exception {
    Graph g = collect(new AwsOrganizationalRootKind()).graph().graph();

    assertThat(g.validate()).isEmpty();
    Node root = nodes(g, "aws_organizational_root").get(0);
    assertThat(root.resourceId()).isEqualTo("r-demo");
    assertThat(root.name()).isEqualTo("Root");
    String arn = (String) root.properties().get("arn");
    assertThat(arn).startsWith("arn:aws:organizations::111111111111:root/o-demo0a1b2c/r-demo");
    assertThat(root.idKeyExtra()).containsExactly(arn);
    assertThat(root.region()).isEqualTo("us-east-1");
    assertThat(parents(g, root)).containsExactly("aws_region:global");
    assertThat(context.errors).noneMatch(e -> e.contains("aws_organizational_root"));
  }

  @Test
  void anAccountOutsideAnOrganisationHasNoRootAndNoError() throws Exception {
    sim.aws().on(DescribeOrganizationRequest.class, (ctx, req) -> {
      throw AwsError.of(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
    });
    try {
      AccountCollector.Result result = collect(new AwsOrganizationalRootKind());
      assertThat(nodes(result.graph().graph(), "aws_organizational_root")).isEmpty();
      assertThat(result.problems()).noneMatch(p -> "aws_organizational_root".equals(p.kind()));
    } finally {
      // the simulator is shared by the class: restore the estate's own answer
      new io.resoto.worker.awssim.identity.OrganizationsApi(sim.estate()).register(sim.aws());
    }
  }

  @Test
  void deniedOrganizationsIsAWarning() throws Exception {
    sim.aws().faults().add(FaultRule.forService("organizations").accessDenied(true));

    AccountCollector.Result result = collect(new AwsOrganizationalRootKind());

    assertThat(result.problems()).filteredOn(p -> p.kind() != null).singleElement().satisfies(p -> {
      assertThat(p.level()).isEqualTo(AccountCollector.Level.WARN);
      assertThat(p.region()).isEqualTo("global");
      assertThat(p.message()).startsWith("skipped: access denied");
    });
  }
}
