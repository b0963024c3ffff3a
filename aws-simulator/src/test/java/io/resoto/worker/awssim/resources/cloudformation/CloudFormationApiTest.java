package io.resoto.worker.awssim.resources.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackSetStatus;
import software.amazon.awssdk.services.cloudformation.model.StackSetSummary;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/** CloudFormation's listings, errors and tag writes over the wire, from the demo estate's us-east-1 stacks. */
class CloudFormationApiTest {

  private static Simulation sim;
  private static CloudFormationClient cfn;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    cfn = DemoClients.client(sim, CloudFormationClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    cfn.close();
    sim.close();
  }

  @Test
  void stacksAreFoundByNameOrIdAndUnknownOnesAreAValidationError() {
    assertThat(cfn.describeStacks(b -> { }).stacks()).extracting(Stack::stackName)
        .containsExactly("demo-web", "demo-web-queues", "old-batch");
    Stack web = cfn.describeStacks(b -> b.stackName("demo-web")).stacks().get(0);
    assertThat(cfn.describeStacks(b -> b.stackName(web.stackId())).stacks()).containsExactly(web);
    assertThat(cfn.listStackResources(b -> b.stackName("demo-web")).stackResourceSummaries()).hasSize(4);
    assertThatThrownBy(() -> cfn.describeStacks(b -> b.stackName("nope")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stack with id nope does not exist");
        });
    assertThatThrownBy(() -> cfn.listStackResources(b -> b.stackName("nope")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    assertThatThrownBy(() -> cfn.describeStacks(b -> b.nextToken("forged")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
  }

  @Test
  void stackSetsFilterByStatusAndUnknownSetsAreNotFound() {
    assertThat(cfn.listStackSets(b -> b.status(StackSetStatus.ACTIVE)).summaries())
        .extracting(StackSetSummary::stackSetName).containsExactly("org-baseline");
    assertThat(cfn.listStackSets(b -> { }).summaries()).hasSize(2);
    assertThat(cfn.listStackInstances(b -> b.stackSetName("org-baseline").maxResults(1)).nextToken()).isNotNull();
    assertThatThrownBy(() -> cfn.listStackInstances(b -> b.stackSetName("nope")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("StackSetNotFoundException"));
    assertThatThrownBy(() -> cfn.listStackSets(b -> b.maxResults(101)))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
  }

  @Test
  void updateStackChangesTagsAndRefusesAnUpdateWithoutChange() {
    Stack queues = cfn.describeStacks(b -> b.stackName("demo-web-queues")).stacks().get(0);
    assertThatThrownBy(() -> cfn.updateStack(b -> b.stackName("demo-web-queues").usePreviousTemplate(true)))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No updates are to be performed."));
    cfn.updateStack(b -> b.stackName("demo-web-queues").usePreviousTemplate(true)
        .tags(Tag.builder().key("k").value("v").build()));
    assertThat(cfn.describeStacks(b -> b.stackName("demo-web-queues")).stacks().get(0).tags())
        .containsExactly(Tag.builder().key("k").value("v").build());
    // an empty tag list (not a missing one) removes every tag
    assertThat(queues.tags()).isEmpty();
    cfn.updateStack(b -> b.stackName(queues.stackId()).usePreviousTemplate(true).tags(java.util.List.of()));
    assertThat(cfn.describeStacks(b -> b.stackName("demo-web-queues")).stacks().get(0).tags()).isEmpty();
  }
}
