package io.resoto.worker.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KindFilterTest {

  @Test
  void emptyCollectMeansAll() {
    assertThat(new KindFilter(List.of(), List.of()).shouldCollect("aws_ec2_instance")).isTrue();
    assertThat(new KindFilter(null, null).shouldCollect("aws_ec2_instance")).isTrue();
  }

  @Test
  void collectGlobsMatchKindNames() {
    KindFilter f = new KindFilter(List.of("aws_ec2_*", "aws_s3_bucke?"), List.of());
    assertThat(f.shouldCollect("aws_ec2_instance")).isTrue();
    assertThat(f.shouldCollect("aws_s3_bucket")).isTrue();
    assertThat(f.shouldCollect("aws_iam_user")).isFalse();
    // a service name alone matches nothing, as in the original
    assertThat(new KindFilter(List.of("ec2"), List.of()).shouldCollect("aws_ec2_instance")).isFalse();
  }

  @Test
  void noCollectWinsOverCollect() {
    KindFilter f = new KindFilter(List.of("aws_ec2_*"), List.of("*_volume", "aws_ec2_[ks]*"));
    assertThat(f.shouldCollect("aws_ec2_instance")).isTrue();
    assertThat(f.shouldCollect("aws_ec2_volume")).isFalse();
    assertThat(f.shouldCollect("aws_ec2_keypair")).isFalse();
    assertThat(f.shouldCollect("aws_ec2_subnet")).isFalse();
  }

  @Test
  void regexCharactersInGlobsAreLiteral() {
    KindFilter f = new KindFilter(List.of("aws.x+"), List.of());
    assertThat(f.shouldCollect("aws.x+")).isTrue();
    assertThat(f.shouldCollect("awsaxx")).isFalse();
  }
}
