package io.resoto.worker.awssim.resources.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Cognito's user listings over the wire: per pool, paged, and per simulation. */
class CognitoUserPoolsApiTest {

  @Test
  void usersArePagedPerPoolAndEachSimulationServesItsOwnEstate() throws Exception {
    try (Simulation demo = Simulation.start(Estate.demo());
        CognitoIdentityProviderClient idp = DemoClients.client(demo, CognitoIdentityProviderClient.builder(),
            "us-east-1")) {
      var first = idp.listUsers(b -> b.userPoolId("us-east-1_DemoPool1").limit(1));
      assertThat(first.users()).hasSize(1);
      assertThat(idp.listUsers(b -> b.userPoolId("us-east-1_DemoPool1").paginationToken(first.paginationToken()))
          .users()).hasSize(1);
      assertThatThrownBy(() -> idp.listUsers(b -> b.userPoolId("us-east-1_Nope00000")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThatThrownBy(() -> idp.listUserPools(b -> {})).hasMessageContaining("maxResults");
    }
    // another estate with the same account and region, in the same JVM: its own users, not the demo's
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-east-1", Map.of("cognito-idp", Map.of(
        "UserPools", List.of(Map.of("Id", "us-east-1_OtherPool", "Name", "other",
            "Arn", "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_OtherPool")),
        "PoolUsers", List.of(Map.of("UserPoolId", "us-east-1_OtherPool",
            "Users", List.of(Map.of("Username", "only-one")))))))));
    try (Simulation other = Simulation.start(Estate.parse(yaml.dump(doc), "other"));
        CognitoIdentityProviderClient idp = DemoClients.client(other, CognitoIdentityProviderClient.builder(),
            "us-east-1")) {
      assertThat(idp.listUsers(b -> b.userPoolId("us-east-1_OtherPool")).users()).extracting(UserType::username)
          .containsExactly("only-one");
    }
  }
}
