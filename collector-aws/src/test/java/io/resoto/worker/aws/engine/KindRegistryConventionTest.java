package io.resoto.worker.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Model;
import io.resoto.worker.graph.ModelKind;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules every kind follows; a new kind that breaks one fails here, by name. */
class KindRegistryConventionTest {

  private final List<AwsKind> kinds = KindRegistry.kinds();

  @Test
  void theRegistryIsAlphabetisedAndHasEachKindOnce() {
    List<String> names = kinds.stream().map(AwsKind::name).toList();
    assertThat(names).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void everyKindIsAnAwsKindWithADescribedModel() {
    for (AwsKind kind : kinds) {
      ComplexKind model = kind.model();
      assertThat(model.fqn()).as("model name of %s", kind.getClass().getSimpleName()).isEqualTo(kind.name());
      assertThat(kind.name()).startsWith("aws_");
      assertThat(kind.service()).as("service of %s", kind.name()).isNotBlank();
      assertThat(model.bases()).as("bases of %s", kind.name()).contains(KindModel.AWS_RESOURCE);
      assertThat(model.properties()).as("properties of %s", kind.name())
          .allSatisfy(p -> assertThat(p.description()).as("description of %s.%s", kind.name(), p.name()).isNotBlank());
    }
  }

  @Test
  void predecessorsAKindDeclaresAreSuccessorsOfTheOtherKindInTheModel() {
    ComplexKind vpc = KindRegistry.model().stream().filter(k -> k.fqn().equals("aws_vpc"))
        .map(ComplexKind.class::cast).findFirst().orElseThrow();
    // the ALB kind links its VPC to itself (edgeFrom) and declares the VPC as predecessor
    assertThat(vpc.successorKinds().get("default")).contains("aws_alb", "aws_ec2_subnet");
    assertThat(vpc.successorKinds().get("delete")).contains("aws_alb");
    assertThat(KindRegistry.model()).allSatisfy(k -> assertThat(((ComplexKind) k).metadata())
        .doesNotContainKey("_predecessors"));
    // each successor once, even when both ends declare it
    assertThat(KindRegistry.model()).allSatisfy(k -> ((ComplexKind) k).successorKinds().values()
        .forEach(targets -> assertThat(targets).doesNotHaveDuplicates()));
  }

  @Test
  void theModelIsConsistentWithTheBaseModel() {
    List<ModelKind> model = KindRegistry.model();
    assertThat(Model.base().plus(model).validate()).isEmpty();
    assertThat(model).extracting(ModelKind::fqn).contains(KindModel.AWS_RESOURCE)
        .containsAll(kinds.stream().filter(AwsKind::exportsNodes).map(AwsKind::name).toList())
        .doesNotContainAnyElementsOf(kinds.stream().filter(k -> !k.exportsNodes()).map(AwsKind::name).toList());
  }

  @Test
  void everyKindClassHasATestClassNamedAfterIt() {
    for (AwsKind kind : kinds) {
      String testClass = kind.getClass().getName() + "Test";
      assertThat(exists(testClass)).as("%s needs a test class %s", kind.name(), testClass).isTrue();
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, KindRegistryConventionTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
