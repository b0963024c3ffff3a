package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.config.ResotoWorkerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker files stay in step with the worker: docker/docker-compose.yaml keeps the service the
 * operator's guide shows, in a form docker-compose 1.29 accepts, and docker/Dockerfile keeps the
 * user, port, data volume and stop behaviour the worker's defaults assume. Building and running
 * the image is docker/test-image.sh's job (podman); this test needs no container engine.
 */
class DockerFilesTest {

  private static final Path DOCKER = Path.of("..", "docker");
  private static final String HOME = "/home/resoto";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws Exception {
    return (Map<String, Object>) new Yaml(new LoaderOptions()).load(Files.readString(DOCKER.resolve("docker-compose.yaml")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service() throws Exception {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    assertThat(services).containsOnlyKeys("resotoworker");
    return (Map<String, Object>) services.get("resotoworker");
  }

  @Test
  void composeFileIsInAFormatDockerCompose129Reads() throws Exception {
    Map<String, Object> compose = compose();
    // 1.29 needs a version 2.x/3.x file and rejects the Compose spec's top-level name
    assertThat(compose.get("version")).isInstanceOf(String.class);
    assertThat((String) compose.get("version")).matches("[23](\\.\\d+)?");
    assertThat(compose).containsOnlyKeys("version", "services", "volumes");
    assertThat(Files.readString(DOCKER.resolve("docker-compose.yaml"))).doesNotContain("start_interval", "required:");
  }

  @Test
  @SuppressWarnings("unchecked")
  void serviceHasTheGuidesEnvironmentCredentialsAndCoreSettings() throws Exception {
    Map<String, Object> service = service();
    List<String> names = ((List<String>) service.get("environment")).stream().map(e -> e.split("=", 2)[0]).toList();
    assertThat(names).contains("RESOTOWORKER_RESOTOCORE_URI", "RESOTOWORKER_PSK", "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE");
    // passed through from the shell or .env, never a key written into the file
    assertThat((List<String>) service.get("environment")).allSatisfy(e -> assertThat(e).doesNotContain("="));
    assertThat(service.get("container_name")).isEqualTo("resotoworker");
    // the guide's optional credentials mount, ready to uncomment
    assertThat(Files.readString(DOCKER.resolve("docker-compose.yaml")))
        .containsPattern("(?m)^\\s*# - \\$HOME/\\.aws:" + HOME + "/\\.aws:ro$");
  }

  @Test
  @SuppressWarnings("unchecked")
  void dataDirectoryIsANamedVolumeAtTheDefaultDataDir() throws Exception {
    String dataDir = ResotoWorkerConfig.DEFAULTS.dataDir().replaceFirst("^~", HOME);
    assertThat((List<String>) service().get("volumes")).contains("resotoworker-data:" + dataDir);
    assertThat((Map<String, Object>) compose().get("volumes")).containsKey("resotoworker-data");
    assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("VOLUME [\"" + dataDir + "\"]");
  }

  @Test
  @SuppressWarnings("unchecked")
  void buildUsesTheDockerfileWithTheRepositoryAsContext() throws Exception {
    Map<String, Object> build = (Map<String, Object>) service().get("build");
    Path context = DOCKER.resolve((String) build.get("context")).normalize();
    assertThat(context.resolve((String) build.get("dockerfile"))).isRegularFile();
    assertThat(context.resolve(".dockerignore")).isRegularFile();
    assertThat((List<String>) service().get("ports")).contains("${RESOTOWORKER_PORT:-9956}:9956");
  }

  @Test
  void stopGracePeriodLeavesTheWorkerTimeToFinishAfterItsShutdownGrace() throws Exception {
    Matcher m = Pattern.compile("(\\d+)s").matcher((String) service().get("stop_grace_period"));
    assertThat(m.matches()).isTrue();
    int grace = ResotoWorkerConfig.DEFAULTS.shutdownGrace();
    // SIGKILL comes stop_grace_period after SIGTERM; the worker needs shutdown_grace plus a flush
    assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(grace + 2);
    // docker stop's and podman stop's default timeout is 10 s
    assertThat(grace + 2).isLessThanOrEqualTo(10);
  }

  @Test
  void dockerfileRunsTheJvmAsPid1AsANonRootUserWithHealthAndMemoryFromTheLimit() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    assertThat(dockerfile).containsPattern("(?m)^ARG BASE_IMAGE=eclipse-temurin:17-jre$");
    // exec form: SIGTERM reaches the JVM, no shell in between
    assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"[^\"]+worker.jar\"\\]$");
    assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
    assertThat(dockerfile).contains("--home-dir " + HOME + " ");
    assertThat(dockerfile).containsPattern("(?m)^EXPOSE 9956$");
    assertThat(dockerfile).contains("-XX:MaxRAMPercentage=");
    assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK ");
    assertThat(Files.readString(DOCKER.resolve("healthcheck.sh"))).contains("/health").contains("9956");
    assertThat(ResotoWorkerConfig.DEFAULTS.webPort()).isEqualTo(9956);
  }

  @Test
  void dockerignoreLetsThroughEveryFileTheDockerfileCopies() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    List<String> ignore = Files.readAllLines(DOCKER.resolve("..").resolve(".dockerignore"));
    Matcher copy = Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) \\S+$").matcher(dockerfile);
    int copies = 0;
    while (copy.find()) {
      copies++;
      assertThat(ignore).as("the COPY source %s must be re-included in .dockerignore", copy.group(1))
          .contains("!" + copy.group(1));
    }
    assertThat(copies).isEqualTo(2);
    assertThat(ignore).contains("*");
  }
}
