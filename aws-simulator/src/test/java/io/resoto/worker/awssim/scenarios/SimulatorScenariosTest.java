package io.resoto.worker.awssim.scenarios;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The shared scenarios against the simulator with the demo estate. */
class SimulatorScenariosTest extends AwsScenarios {

  private static Simulation sim;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Override
  URI endpoint() {
    return sim.endpoint();
  }

  @Override
  AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIADEMO00000000000A", "demo-secret-0000000000000000000000000000"));
  }
}
