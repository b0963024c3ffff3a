package io.resoto.worker.awssim.scenarios;

import java.net.URI;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The shared scenarios against LocalStack, the optional second backend. Needs a Docker engine and
 * the LocalStack image; where there is none, JUnit reports the class as skipped ("disabled")
 * with the reason.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackScenariosTest extends AwsScenarios {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
          .withServices(LocalStackContainer.Service.STS, LocalStackContainer.Service.EC2,
              LocalStackContainer.Service.IAM);

  @Override
  URI endpoint() {
    return LOCALSTACK.getEndpoint();
  }

  @Override
  AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
  }
}
