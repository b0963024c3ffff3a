package io.resoto.worker.awssim.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Identity;
import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.estate.Arns;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS: GetCallerIdentity, AssumeRole (trust, ExternalId, session name and duration rules, role
 * chaining) and AssumeRoleWithWebIdentity. Minted credentials go into {@link EstateCredentials}.
 *
 * <p>AssumeRoleWithWebIdentity is unsigned in AWS (the web identity token is the credential), so
 * its handler expects no caller.
 */
public final class StsApi {
  /** The shortest session STS grants. */
  public static final int MIN_DURATION = 900;
  /** The longest MaxSessionDuration a role can have. */
  public static final int MAX_DURATION = 43200;
  /** The session limit of role chaining, whatever the role allows. */
  public static final int CHAINED_MAX_DURATION = 3600;
  /** The duration when the request names none. */
  public static final int DEFAULT_DURATION = 3600;

  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
  private static final Pattern ASSUMED_ROLE_ARN =
      Pattern.compile("arn:aws:sts::(\\d{12}):assumed-role/([^/]+)/(.+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Estate estate;
  private final EstateCredentials credentials;

  public StsApi(Estate estate, EstateCredentials credentials) {
    this.estate = Objects.requireNonNull(estate);
    this.credentials = Objects.requireNonNull(credentials);
  }

  public void register(HandlerRegistry registry) {
    registry.on(GetCallerIdentityRequest.class, this::getCallerIdentity);
    registry.on(AssumeRoleRequest.class, this::assumeRole);
    registry.on(AssumeRoleWithWebIdentityRequest.class, this::assumeRoleWithWebIdentity);
  }

  public GetCallerIdentityResponse getCallerIdentity(CallContext context, GetCallerIdentityRequest request) {
    Identity caller = requireCaller(context);
    return GetCallerIdentityResponse.builder()
        .userId(caller.userId()).account(caller.accountId()).arn(caller.arn()).build();
  }

  public AssumeRoleResponse assumeRole(CallContext context, AssumeRoleRequest request) {
    Identity caller = requireCaller(context);
    requireNotNull("roleArn", request.roleArn());
    checkSessionName(request.roleSessionName());
    int duration = checkDuration(request.durationSeconds());
    if (request.externalId() != null) {
      checkLength("externalId", request.externalId(), 2, 1224);
      checkPattern("externalId", request.externalId(), EXTERNAL_ID);
    }

    Role role = estate.roleByArn(request.roleArn()).orElseThrow(() -> notAuthorized(caller, request.roleArn()));
    if (!trusts(role, caller)) {
      throw notAuthorized(caller, role.arn());
    }
    if (role.externalId() != null && !role.externalId().equals(request.externalId())) {
      throw notAuthorized(caller, role.arn());
    }
    if (isSession(caller) && duration > CHAINED_MAX_DURATION) {
      throw validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by "
          + "role chaining.");
    }
    checkAgainstRole(role, duration);

    KeyRecord key = mint(role, request.roleSessionName(), duration);
    return AssumeRoleResponse.builder()
        .credentials(credentialsOf(key))
        .assumedRoleUser(assumedRoleUser(key))
        .build();
  }

  public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(CallContext context,
      AssumeRoleWithWebIdentityRequest request) {
    requireNotNull("roleArn", request.roleArn());
    checkSessionName(request.roleSessionName());
    requireNotNull("webIdentityToken", request.webIdentityToken());
    if (request.webIdentityToken().isEmpty()) {
      throw validation("1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: "
          + "Member must have length greater than or equal to 4");
    }
    int duration = checkDuration(request.durationSeconds());
    Role role = estate.roleByArn(request.roleArn()).filter(Role::webIdentity).orElseThrow(() ->
        AwsError.of(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"));
    checkAgainstRole(role, duration);

    JsonNode claims = claims(request.webIdentityToken());
    KeyRecord key = mint(role, request.roleSessionName(), duration);
    String issuer = claims.path("iss").asText("");
    return AssumeRoleWithWebIdentityResponse.builder()
        .credentials(credentialsOf(key))
        .assumedRoleUser(assumedRoleUser(key))
        .subjectFromWebIdentityToken(claims.path("sub").asText(null))
        .audience(claims.path("aud").isArray() ? claims.path("aud").path(0).asText(null)
            : claims.path("aud").asText(null))
        .provider(issuer.isEmpty() ? null : issuer.replaceFirst("^https://", ""))
        .build();
  }

  private KeyRecord mint(Role role, String sessionName, int durationSeconds) {
    Duration lifetime = estate.settings().assumedRoleLifetime().orElse(Duration.ofSeconds(durationSeconds));
    return credentials.mintRoleSession(role, sessionName, lifetime);
  }

  /**
   * Trust as the estate states it: an account id trusts every principal of that account, an ARN
   * exactly that principal; a role's ARN also trusts the sessions of that role (role chaining).
   */
  static boolean trusts(Role role, Identity caller) {
    String sessionRoleArn = sessionRoleArn(caller);
    for (String trusted : role.trust()) {
      if (trusted.equals(caller.accountId()) || trusted.equals(Arns.accountRoot(caller.accountId()))
          || trusted.equals(caller.arn()) || trusted.equals(sessionRoleArn)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSession(Identity caller) {
    return sessionRoleArn(caller) != null;
  }

  /** The role ARN behind an assumed-role session's ARN, or null for other principals. */
  private static String sessionRoleArn(Identity caller) {
    Matcher m = ASSUMED_ROLE_ARN.matcher(caller.arn());
    return m.matches() ? Arns.role(m.group(1), m.group(2)) : null;
  }

  private static Identity requireCaller(CallContext context) {
    if (context.caller() == null) {
      throw AwsError.of(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
    }
    return context.caller();
  }

  private static void checkSessionName(String name) {
    requireNotNull("roleSessionName", name);
    checkLength("roleSessionName", name, 2, 64);
    checkPattern("roleSessionName", name, SESSION_NAME);
  }

  private static int checkDuration(Integer requested) {
    int duration = requested == null ? DEFAULT_DURATION : requested;
    if (duration < MIN_DURATION) {
      throw validation(constraint("durationSeconds", String.valueOf(duration),
          "Member must have value greater than or equal to " + MIN_DURATION));
    }
    if (duration > MAX_DURATION) {
      throw validation(constraint("durationSeconds", String.valueOf(duration),
          "Member must have value less than or equal to " + MAX_DURATION));
    }
    return duration;
  }

  private static void checkAgainstRole(Role role, int duration) {
    if (duration > role.maxSessionDuration()) {
      throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
  }

  private static void requireNotNull(String member, Object value) {
    if (value == null) {
      throw validation("1 validation error detected: Value null at '" + member
          + "' failed to satisfy constraint: Member must not be null");
    }
  }

  private static void checkLength(String member, String value, int min, int max) {
    if (value.length() < min) {
      throw validation(constraint(member, value, "Member must have length greater than or equal to " + min));
    }
    if (value.length() > max) {
      throw validation(constraint(member, value, "Member must have length less than or equal to " + max));
    }
  }

  private static void checkPattern(String member, String value, Pattern pattern) {
    if (!pattern.matcher(value).matches()) {
      throw validation(constraint(member, value,
          "Member must satisfy regular expression pattern: " + pattern.pattern()));
    }
  }

  private static String constraint(String member, String value, String rule) {
    return "1 validation error detected: Value '" + value + "' at '" + member
        + "' failed to satisfy constraint: " + rule;
  }

  private static AwsError validation(String message) {
    return AwsError.of(400, "ValidationError", message);
  }

  private static AwsError notAuthorized(Identity caller, String roleArn) {
    return AwsError.of(403, "AccessDenied", "User: " + caller.arn()
        + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
  }

  private static Credentials credentialsOf(KeyRecord key) {
    return Credentials.builder()
        .accessKeyId(key.accessKeyId())
        .secretAccessKey(key.secretAccessKey())
        .sessionToken(key.sessionToken())
        .expiration(key.expiration())
        .build();
  }

  private static AssumedRoleUser assumedRoleUser(KeyRecord key) {
    return AssumedRoleUser.builder().assumedRoleId(key.identity().userId()).arn(key.identity().arn()).build();
  }

  /** The claims of a JWT, or an empty object when the token is not one: any token is accepted. */
  private static JsonNode claims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length == 3) {
      try {
        JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        if (node != null && node.isObject()) {
          return node;
        }
      } catch (IllegalArgumentException | java.io.IOException e) {
        // not a JWT after all; the simulator does not verify tokens
      }
    }
    return JSON.createObjectNode();
  }
}
