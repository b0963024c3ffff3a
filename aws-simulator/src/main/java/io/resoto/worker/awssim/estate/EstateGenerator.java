package io.resoto.worker.awssim.estate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Generates large estates for scale tests: an organisation with a tree of OUs, N accounts spread
 * over it, a collector principal with keys in the management account, a {@code ResotoAccess}
 * role in every member account trusting the management account, and an instance profile. The
 * same settings and seed always give the same estate.
 */
public final class EstateGenerator {
  /** The user name of the generated principal. */
  public static final String PRINCIPAL_USER = "collector";
  /** The role in every member account. */
  public static final String MEMBER_ROLE = "ResotoAccess";
  /** The role of the generated instance profile, in the management account. */
  public static final String INSTANCE_ROLE = "worker-node";

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final List<String> WORDS = List.of("alpha", "bravo", "cedar", "delta", "ember", "falcon",
      "granite", "harbor", "indigo", "juniper", "kepler", "lumen", "meadow", "nova", "orbit", "pine", "quartz",
      "river", "summit", "tundra", "umber", "vertex", "willow", "xenon", "yonder", "zephyr");

  private int accounts = 3;
  private List<String> regions = List.of("us-east-1", "eu-central-1");
  private int ouDepth = 1;
  private int ouWidth = 2;
  private long seed = 1;
  private ResourceGenerator resourceGenerator = ResourceGenerator.NONE;
  private PriceLists pricing = PriceLists.EMPTY;

  /** The number of accounts, management account included (at least 1). */
  public EstateGenerator accounts(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an estate needs at least one account, got " + count);
    }
    this.accounts = count;
    return this;
  }

  /** The regions enabled in every account; opt-in regions not listed are "not opted in". */
  public EstateGenerator regions(List<String> enabled) {
    if (enabled.isEmpty()) {
      throw new IllegalArgumentException("accounts need at least one region");
    }
    this.regions = List.copyOf(enabled);
    return this;
  }

  /** The OU tree: {@code depth} levels below the root, {@code width} OUs under each parent. */
  public EstateGenerator ous(int depth, int width) {
    if (depth < 0 || width < 0 || (depth > 0 && width == 0)) {
      throw new IllegalArgumentException("bad OU tree depth " + depth + ", width " + width);
    }
    this.ouDepth = depth;
    this.ouWidth = width;
    return this;
  }

  public EstateGenerator seed(long value) {
    this.seed = value;
    return this;
  }

  public EstateGenerator resources(ResourceGenerator generator) {
    this.resourceGenerator = Objects.requireNonNull(generator);
    return this;
  }

  /** The price lists the estate serves (Pricing GetProducts), e.g. the demo estate's; none by default. */
  public EstateGenerator pricing(PriceLists lists) {
    this.pricing = Objects.requireNonNull(lists);
    return this;
  }

  public Estate generate() {
    Random random = new Random(seed);
    String orgId = "o-" + text(random, LOWER, 10);
    String rootSuffix = text(random, LOWER, 4);
    String rootId = "r-" + rootSuffix;

    List<Organization.Unit> units = new ArrayList<>();
    Deque<String> level = new ArrayDeque<>(List.of(rootId));
    Set<String> unitIds = new HashSet<>();
    for (int depth = 1; depth <= ouDepth; depth++) {
      Deque<String> next = new ArrayDeque<>();
      for (String parent : level) {
        for (int w = 0; w < ouWidth; w++) {
          String id;
          do {
            id = "ou-" + rootSuffix + "-" + text(random, LOWER, 8);
          } while (!unitIds.add(id));
          units.add(new Organization.Unit(id, WORDS.get(random.nextInt(WORDS.size())) + "-" + depth + "-" + w, parent));
          next.add(id);
        }
      }
      level = next;
    }

    List<String> notOptedIn = Regions.OPT_IN.stream().filter(r -> !regions.contains(r)).sorted().toList();
    String prefix = WORDS.get(random.nextInt(WORDS.size()));
    Set<String> ids = new HashSet<>();
    List<Account> accountList = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      String id;
      do {
        id = (1 + random.nextInt(9)) + String.format("%011d", (random.nextLong() & Long.MAX_VALUE) % 100_000_000_000L);
      } while (!ids.add(id));
      boolean management = i == 0;
      String name = management ? "management" : String.format("account-%04d", i);
      String parent = management || units.isEmpty() ? rootId : units.get((i - 1) % units.size()).id();
      accountList.add(new Account(id, name, prefix + "-" + name, "aws+" + name + "@example.com", parent, "ACTIVE",
          regions, notOptedIn, Estate.JOINED_BASE.plusSeconds(86_400L * i)));
    }
    String management = accountList.get(0).id();

    Principal principal = new Principal(management, PRINCIPAL_USER, "AKIA" + text(random, UPPER, 16),
        text(random, SECRET, 40));
    List<Role> roles = new ArrayList<>();
    roles.add(new Role(management, INSTANCE_ROLE, List.of(management), null, 3600, false));
    for (Account a : accountList.subList(1, accountList.size())) {
      roles.add(new Role(a.id(), MEMBER_ROLE, List.of(management), null, 3600, false));
    }

    Map<String, Map<String, Map<String, Object>>> resources = new LinkedHashMap<>();
    for (Account a : accountList) {
      Map<String, Map<String, Object>> perRegion = new LinkedHashMap<>();
      for (String region : concat(RawResources.GLOBAL, regions)) {
        Map<String, Object> services = resourceGenerator.generate(a, region, mix(seed, a.id(), region));
        if (!services.isEmpty()) {
          perRegion.put(region, services);
        }
      }
      if (!perRegion.isEmpty()) {
        resources.put(a.id(), perRegion);
      }
    }

    Organization org = new Organization(orgId, management, List.of(new Organization.Root(rootId, "Root")), units);
    return Estate.create(org, accountList, List.of(principal), roles,
        new InstanceProfile(management, INSTANCE_ROLE, regions.get(0), null), EstateSettings.DEFAULTS,
        new RawResources(resources), pricing, new Problems(), "generated estate");
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> out = new ArrayList<>(rest.size() + 1);
    out.add(first);
    out.addAll(rest);
    return out;
  }

  /** A per-account, per-region seed: independent of how many accounts come before. */
  private static long mix(long seed, String account, String region) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (char c : (account + "/" + region).toCharArray()) {
      h = (h ^ c) * 0x100000001B3L;
    }
    return h ^ (h >>> 31);
  }

  private static String text(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
