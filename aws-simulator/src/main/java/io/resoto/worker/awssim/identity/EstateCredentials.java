package io.resoto.worker.awssim.identity;

import io.resoto.worker.awssim.CredentialStore;
import io.resoto.worker.awssim.Identity;
import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.estate.Arns;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.Principal;
import io.resoto.worker.awssim.estate.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The access keys the simulator accepts: the estate principals' long-term keys and the temporary
 * credentials STS and the instance metadata service mint. Thread-safe.
 *
 * <p>An expired session is still found for {@link #EXPIRED_RETENTION}, with its expiration, so
 * that the caller of {@link #find} can answer {@code ExpiredToken} as AWS does rather than
 * {@code InvalidClientTokenId}; after that it is purged (lazily, on look-ups and mints).
 */
public final class EstateCredentials implements CredentialStore {
  /** How long an expired session is still recognised as one. */
  public static final Duration EXPIRED_RETENTION = Duration.ofMinutes(15);

  private static final int MAX_ISSUED_SECRETS = 100_000;
  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private final Map<String, KeyRecord> longTerm;
  private final Map<String, KeyRecord> sessions = new ConcurrentHashMap<>();
  /** The secret parts of every session minted, for tests that scan output for them (bounded). */
  private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();
  private final Clock clock;
  private final Random random;

  public EstateCredentials(Estate estate, Clock clock) {
    this(estate, clock, new SecureRandom());
  }

  /** With a given source of randomness for the minted keys (a seeded one makes them repeatable). */
  public EstateCredentials(Estate estate, Clock clock, Random random) {
    this.clock = Objects.requireNonNull(clock);
    this.random = Objects.requireNonNull(random);
    this.longTerm = estate.principals().stream()
        .map(p -> new KeyRecord(p.accessKeyId(), p.secretAccessKey(), null, null, identityOf(p)))
        .collect(Collectors.toUnmodifiableMap(KeyRecord::accessKeyId, Function.identity()));
  }

  /** The identity GetCallerIdentity reports for an IAM user. */
  public static Identity identityOf(Principal principal) {
    return new Identity(principal.account(), principal.arn(), principal.userId());
  }

  /** The identity GetCallerIdentity reports for a session of a role. */
  public static Identity sessionIdentity(Role role, String sessionName) {
    return new Identity(role.account(), Arns.assumedRole(role.account(), role.name(), sessionName),
        role.roleId() + ":" + sessionName);
  }

  /** Finds a long-term key or a session, including sessions expired less than {@link #EXPIRED_RETENTION} ago. */
  @Override
  public Optional<KeyRecord> find(String accessKeyId) {
    if (accessKeyId == null) {
      return Optional.empty();
    }
    KeyRecord key = longTerm.get(accessKeyId);
    if (key != null) {
      return Optional.of(key);
    }
    KeyRecord session = sessions.get(accessKeyId);
    if (session != null && purgeable(session, clock.instant())) {
      sessions.remove(accessKeyId, session);
      return Optional.empty();
    }
    return Optional.ofNullable(session);
  }

  /**
   * Mints temporary credentials for a session of a role: an {@code ASIA...} key id, a random secret
   * and session token, expiring {@code lifetime} from now (to the second, as AWS states it).
   */
  public KeyRecord mintRoleSession(Role role, String sessionName, Duration lifetime) {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> purgeable(s, now));
    KeyRecord key;
    do {
      key = new KeyRecord("ASIA" + text(KEY_ALPHABET, 16), text(SECRET_ALPHABET, 40), sessionToken(),
          // AWS states expirations to the second
          now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), sessionIdentity(role, sessionName));
    } while (longTerm.containsKey(key.accessKeyId()) || sessions.putIfAbsent(key.accessKeyId(), key) != null);
    if (issuedSecrets.size() < MAX_ISSUED_SECRETS) {
      issuedSecrets.add(key.secretAccessKey());
      issuedSecrets.add(key.sessionToken());
    }
    return key;
  }

  /**
   * Every secret this store knows or handed out: the estate's long-term secret access keys and the
   * secret key and session token of each session minted (the first 50,000 sessions), for tests that
   * check no output or file of a client holds one.
   */
  public Set<String> issuedSecrets() {
    Set<String> all = new java.util.HashSet<>(issuedSecrets);
    longTerm.values().forEach(k -> all.add(k.secretAccessKey()));
    return all;
  }

  /** The number of sessions held, expired ones not yet purged included. */
  public int sessionCount() {
    return sessions.size();
  }

  public Clock clock() {
    return clock;
  }

  private static boolean purgeable(KeyRecord session, Instant now) {
    return session.expiration().plus(EXPIRED_RETENTION).isBefore(now);
  }

  private String sessionToken() {
    byte[] bytes = new byte[96];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    // real session tokens start with this base64 prefix; keep the shape for tools that look at it
    return "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(bytes);
  }

  private String text(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    synchronized (random) {
      for (int i = 0; i < length; i++) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return out.toString();
  }
}
