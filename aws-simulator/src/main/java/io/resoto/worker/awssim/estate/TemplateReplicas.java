package io.resoto.worker.awssim.estate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale generator's resources: copies of one account's resources of a template estate (the
 * demo estate), so every kind the demo holds is in generated estates too, with nothing to write
 * per kind. A copy is consistent in itself: the identifiers in it are rewritten the same way
 * wherever they appear (ids, ARNs, URLs, policy documents, metric dimensions), so the edges of a
 * copy connect its own resources.
 *
 * <p>What is rewritten in copy {@code k} of account {@code A} and region {@code R}:
 * <ul>
 *   <li>the template account id becomes {@code A}, the template region {@code R} (for the global
 *       data the account's first region, so global copies and regional copies agree);
 *   <li>EC2-style ids ({@code vol-0a11...}, {@code eni-attach-...}), UUIDs, IAM unique ids
 *       ({@code AIDA...}), Cognito user pool ids ({@code us-east-1_AbC123xyZ}), Route 53 zone ids
 *       ({@code Z0A1...}) and Glacier job ids (92 opaque characters) get other digits of the same
 *       length and alphabet, derived from the id,
 *       {@code R} and {@code k} (unique per region, as AWS ids are);
 *   <li>public IPv4 addresses (not CIDRs, not private ranges) get other last three octets in
 *       copies after the first;
 *   <li>names get {@code -r<k>} appended for {@code k > 0} (before a {@code .fifo} suffix): the
 *       values of members named {@code ...Name} (not {@code MetricName} or nested {@code Name}s
 *       such as a state's), an item's own top-level {@code Name}/{@code name}, its domain name (the
 *       mark goes into the first label) and {@code ...Id}/{@code id} when no id
 *       pattern above matches it (CloudFront's {@code E2DEMO...}), and the last part of every
 *       ARN's resource; values with dots, slashes or spaces (DNS names, devices, paths) and words
 *       that are also enum values ({@code default}, {@code root}, ...) are kept.
 * </ul>
 * Map keys are rewritten like values except for names (keys are member names or ids). An item
 * that comes out the same in every copy (the root user, an instance type, the password policy, a
 * service quota, whose code is no name) is kept once. The output is deterministic in the template
 * and the arguments.
 */
public final class TemplateReplicas implements ResourceGenerator {

  private static final Pattern HEX_ID = Pattern.compile("(?<![A-Za-z0-9])([a-z][a-z0-9]*(?:-[a-z]+)*-)([0-9a-f]{8,17})(?![A-Za-z0-9])");
  private static final Pattern UUID = Pattern.compile(
      "(?<![A-Za-z0-9])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)([0-9a-z]{12})(?![A-Za-z0-9])");
  private static final Pattern IAM_ID = Pattern.compile(
      "(?<![A-Za-z0-9])((?:AIDA|AROA|ANPA|AGPA|AIPA|ASCA|AKIA|ASIA|APKA|ANVA))([A-Z0-9]{8,})(?![A-Za-z0-9])");
  /** Cognito user pool ids: the region, an underscore and nine letters or digits ({@code us-east-1_AbC123xyZ}). */
  private static final Pattern COGNITO_POOL_ID =
      Pattern.compile("(?<=[a-z]{2}-[a-z]{4,9}-[0-9]_)()([A-Za-z0-9]{9})(?![A-Za-z0-9])");
  /** Service quota codes ({@code L-1216C47A}): the same in every account, never names to rewrite. */
  private static final Pattern QUOTA_CODE = Pattern.compile("L-[0-9A-F]{8}");
  /** Route 53 hosted zone ids: Z and 12 to 31 upper-case letters and digits, a digit among them. */
  private static final Pattern ZONE_ID = Pattern.compile(
      "(?<![A-Za-z0-9])(Z)((?=[A-Z]*[0-9])[A-Z0-9]{12,31})(?![A-Za-z0-9])");
  /** Glacier job ids: opaque, 92 characters of letters, digits, - and _. */
  private static final Pattern GLACIER_JOB_ID = Pattern.compile("(?<![A-Za-z0-9_-])()([A-Za-z0-9_-]{92})(?![A-Za-z0-9_-])");
  private static final Pattern PUBLIC_IP = Pattern.compile(
      "(?<![0-9.])()((?!10\\.|127\\.|0\\.|192\\.168\\.|172\\.(?:1[6-9]|2[0-9]|3[01])\\.)"
          + "(?:[0-9]{1,3}\\.){3}[0-9]{1,3})(?![0-9./])");
  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:([^\"'\\s,]+)");
  private static final Set<String> NOT_NAMES = Set.of("MetricName", "DeviceName", "Namespace");
  /** Names that are also common enum values or fixed ARN parts ({@code :root}): kept as they are. */
  private static final Set<String> KEPT_WORDS = Set.of("default", "root", "main", "none", "all", "primary",
      "standard", "enabled", "disabled", "active", "available", "private", "public",
      // resources AWS creates once per account and region (Athena's built-in work group and catalog)
      "AwsDataCatalog");
  private static final String HEX = "0123456789abcdef";
  private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String LETTERS_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final String templateAccount;
  private final String templateRegion;
  private final Map<String, Object> regional;
  private final Map<String, Object> global;
  private final int copies;
  private final Pattern accountPattern;
  private final Pattern regionPattern;
  private final Pattern names;
  private final Map<String, List<Segment>> compiled = new HashMap<>();

  private TemplateReplicas(String templateAccount, String templateRegion, Map<String, Object> regional,
      Map<String, Object> global, int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1, was " + copies);
    }
    this.templateAccount = templateAccount;
    this.templateRegion = templateRegion;
    this.regional = regional;
    this.global = global;
    this.copies = copies;
    this.accountPattern = Pattern.compile("(?<![0-9])()(" + Pattern.quote(templateAccount) + ")(?![0-9])");
    this.regionPattern = Pattern.compile("(?<![a-z0-9-])()(" + Pattern.quote(templateRegion) + ")(?![0-9])");
    Set<String> found = new LinkedHashSet<>();
    collectNames(regional, 0, found);
    collectNames(global, 0, found);
    List<String> sorted = new ArrayList<>(found);
    // longest first, so "orders-dlq" is one name and not "orders" followed by "-dlq"
    sorted.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
    this.names = sorted.isEmpty() ? null : Pattern.compile("(?<![A-Za-z0-9_.-])()("
        + String.join("|", sorted.stream().map(Pattern::quote).toList()) + ")(?![A-Za-z0-9_-])");
  }

  /**
   * Copies of the resources of {@code account} in {@code region} (and its global data) of the
   * template estate; each generated account and region gets {@code copies} of them.
   */
  public static TemplateReplicas of(Estate template, String account, String region, int copies) {
    Objects.requireNonNull(template, "template");
    return new TemplateReplicas(account, region, template.resources().services(account, region),
        template.resources().services(account, RawResources.GLOBAL), copies);
  }

  /** Copies of the demo estate's management account (111111111111, us-east-1). */
  public static TemplateReplicas demo(int copies) {
    return of(Estate.demo(), "111111111111", "us-east-1", copies);
  }

  /** How many resources (items of the template's collections) one copy of a region holds, global included. */
  public int resourcesPerCopy() {
    return count(regional) + count(global);
  }

  @Override
  public Map<String, Object> generate(Account account, String region, long seed) {
    boolean isGlobal = region.equals(RawResources.GLOBAL);
    Map<String, Object> template = isGlobal ? global : regional;
    String targetRegion = isGlobal ? (account.regions().isEmpty() ? templateRegion : account.regions().get(0)) : region;
    Map<String, Object> out = new LinkedHashMap<>();
    Map<Object, Set<Object>> seen = new HashMap<>();
    for (int k = 0; k < copies; k++) {
      Copy copy = new Copy(account.id(), targetRegion, k);
      @SuppressWarnings("unchecked")
      Map<String, Object> rendered = (Map<String, Object>) render(template, copy);
      merge(out, rendered, seen);
    }
    return out;
  }

  /** Adds a copy: lists are concatenated (items already there skipped), maps merged, scalars kept. */
  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> copy, Map<Object, Set<Object>> seen) {
    copy.forEach((key, value) -> {
      Object present = into.get(key);
      if (present == null) {
        if (value instanceof List<?> list) {
          List<Object> items = new ArrayList<>();
          Set<Object> known = new HashSet<>();
          for (Object item : list) {
            if (known.add(item)) {
              items.add(item);
            }
          }
          into.put(key, items);
          seen.put(items, known);
        } else if (value instanceof Map<?, ?> map) {
          Map<String, Object> m = new LinkedHashMap<>();
          merge(m, (Map<String, Object>) map, seen);
          into.put(key, m);
        } else {
          into.put(key, value);
        }
      } else if (present instanceof List<?> items && value instanceof List<?> list) {
        Set<Object> known = seen.computeIfAbsent(items, x -> new HashSet<>(items));
        for (Object item : list) {
          if (known.add(item)) {
            ((List<Object>) items).add(item);
          }
        }
      } else if (present instanceof Map<?, ?> m && value instanceof Map<?, ?> map) {
        merge((Map<String, Object>) m, (Map<String, Object>) map, seen);
      }
    });
  }

  private Object render(Object value, Copy copy) {
    if (value instanceof String s) {
      return copy.render(segments(s));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      // keys are member names or ids: ids, accounts and regions in them are rewritten, names not
      map.forEach((k, v) -> out.put(k instanceof String s ? copy.renderKey(segments(s)) : String.valueOf(k),
          render(v, copy)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(render(v, copy)));
      return out;
    }
    return value;
  }

  private synchronized List<Segment> segments(String s) {
    return compiled.computeIfAbsent(s, this::compile);
  }

  /** Splits a template string into literal text and the identifiers copies rewrite. */
  private List<Segment> compile(String s) {
    List<int[]> spans = new ArrayList<>();
    List<Segment> found = new ArrayList<>();
    find(s, UUID, Kind.UUID, spans, found);
    find(s, IAM_ID, Kind.IAM_ID, spans, found);
    find(s, ZONE_ID, Kind.IAM_ID, spans, found);
    find(s, GLACIER_JOB_ID, Kind.IAM_ID, spans, found);
    find(s, HEX_ID, Kind.HEX, spans, found);
    find(s, COGNITO_POOL_ID, Kind.POOL_ID, spans, found);
    find(s, PUBLIC_IP, Kind.PUBLIC_IP, spans, found);
    find(s, accountPattern, Kind.ACCOUNT, spans, found);
    find(s, regionPattern, Kind.REGION, spans, found);
    if (names != null) {
      find(s, names, Kind.NAME, spans, found);
    }
    if (found.isEmpty()) {
      return List.of(new Segment(Kind.LITERAL, "", s));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
    List<Segment> out = new ArrayList<>();
    int at = 0;
    for (int i : order) {
      int[] span = spans.get(i);
      if (span[0] > at) {
        out.add(new Segment(Kind.LITERAL, "", s.substring(at, span[0])));
      }
      out.add(found.get(i));
      at = span[1];
    }
    if (at < s.length()) {
      out.add(new Segment(Kind.LITERAL, "", s.substring(at)));
    }
    return List.copyOf(out);
  }

  /** Adds the pattern's matches that overlap no earlier match: group 1 is kept as prefix, group 2 rewritten. */
  private static void find(String s, Pattern p, Kind kind, List<int[]> spans, List<Segment> found) {
    Matcher m = p.matcher(s);
    while (m.find()) {
      int start = m.start(2);
      int end = m.end(2);
      int prefixStart = m.start(1) < 0 ? start : m.start(1);
      boolean overlaps = false;
      for (int[] span : spans) {
        if (prefixStart < span[1] && end > span[0]) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        spans.add(new int[] {prefixStart, end});
        found.add(new Segment(kind, m.group(1) == null ? "" : m.group(1), m.group(2)));
      }
    }
  }

  /**
   * Names: {@code ...Name} members, a top-level item's {@code Name}, the {@code id}/{@code name} of
   * an item (a map in a list, at any depth: a REST API's deployments are items too; not a
   * name/value pair), an item's own domain name, and the last part of ARNs.
   */
  @SuppressWarnings("unchecked")
  private void collectNames(Object value, int depth, Set<String> into) {
    collectNames(value, depth, false, into);
  }

  @SuppressWarnings("unchecked")
  private void collectNames(Object value, int depth, boolean item, Set<String> into) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> m = (Map<String, Object>) map;
      boolean pair = m.containsKey("Value") || m.containsKey("value");
      m.forEach((key, v) -> {
        if (v instanceof String s && (isNameKey(key, depth) || item && !pair && isItemKey(key))
            && isPlainName(s) && !s.chars().allMatch(Character::isDigit)) {
          into.add(s);
        }
        if (v instanceof String s && isDomainNameKey(key, depth) && s.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
          into.add(s);
        }
        collectNames(v, depth + 1, false, into);
      });
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collectNames(v, depth, depth >= 1, into));
    } else if (value instanceof String s) {
      Matcher m = ARN.matcher(s);
      while (m.find()) {
        String resource = m.group(1);
        String last = resource.substring(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':')) + 1);
        if (isPlainName(last) && !last.equals(templateAccount)) {
          into.add(last);
        }
      }
    }
  }

  /**
   * The members that name an item wherever it is nested: ids, and lowerCamel names (REST-JSON
   * APIs' children); a nested {@code Name} is more often catalogue data (a GPU's) or a pair's key.
   */
  private static boolean isItemKey(String key) {
    return key.equals("name") || key.equals("Id") || key.equals("id");
  }

  /** Depth 0 = service map, 1 = collections, 2 = an item's members (either case: Name, name, restApiId). */
  private static boolean isNameKey(String key, int depth) {
    if (NOT_NAMES.contains(key)) {
      return false;
    }
    if (key.equals("Name") || key.equals("name") || key.equals("Id") || key.equals("id")) {
      return depth == 2;
    }
    // an item's own id in a format no pattern knows (CloudFront's E2DEMO..., API Gateway's a1b2c3)
    // and Redshift's ClusterIdentifier, which no ARN in its item carries (RDS's identifiers end its ARNs)
    return key.endsWith("Name") || depth == 2 && (key.endsWith("Id") || key.equals("ClusterIdentifier"));
  }

  /** An item's own domain name (API Gateway custom domains, ...): a name with dots. */
  private static boolean isDomainNameKey(String key, int depth) {
    return depth == 2 && (key.equals("domainName") || key.equals("DomainName"));
  }

  private boolean isPlainName(String s) {
    return s.length() >= 2 && s.length() <= 200 && !KEPT_WORDS.contains(s) && !s.equals(templateAccount) && !s.equals(templateRegion)
        && s.chars().noneMatch(c -> c == '.' && !s.endsWith(".fifo") || c == '/' || c == ' ' || c == '*' || c == ':'
            || c == '<' || c == '{' || c == '"' || c == '$' || c == '\n')
        && !UUID.matcher(s).matches() && !HEX_ID.matcher(s).matches() && !IAM_ID.matcher(s).matches()
        && !QUOTA_CODE.matcher(s).matches();
  }

  private static int count(Map<String, Object> services) {
    int n = 0;
    for (Object data : services.values()) {
      if (data instanceof Map<?, ?> collections) {
        for (Object c : collections.values()) {
          n += c instanceof List<?> l ? l.size() : 0;
        }
      }
    }
    return n;
  }

  private enum Kind { LITERAL, ACCOUNT, REGION, HEX, UUID, IAM_ID, POOL_ID, NAME, PUBLIC_IP }

  /** A piece of a template string: literal text, or an identifier (after {@code prefix}) that copies rewrite. */
  private record Segment(Kind kind, String prefix, String text) {}

  /** One copy's rewriting. */
  private record Copy(String account, String region, int k) {

    String render(List<Segment> segments) {
      return render(segments, true);
    }

    String renderKey(List<Segment> segments) {
      return render(segments, false);
    }

    private String render(List<Segment> segments, boolean names) {
      if (segments.size() == 1 && segments.get(0).kind() == Kind.LITERAL) {
        return segments.get(0).text();
      }
      StringBuilder b = new StringBuilder();
      for (Segment s : segments) {
        b.append(s.prefix());
        if (!names && s.kind() == Kind.NAME) {
          b.append(s.text());
          continue;
        }
        switch (s.kind()) {
          case LITERAL -> b.append(s.text());
          case ACCOUNT -> b.append(account);
          case REGION -> b.append(region);
          case HEX, UUID -> b.append(digits(s.text(), HEX));
          case IAM_ID -> b.append(digits(s.text(), UPPER_DIGITS));
          case POOL_ID -> b.append(digits(s.text(), LETTERS_DIGITS));
          case NAME -> b.append(name(s.text()));
          case PUBLIC_IP -> b.append(publicIp(s.text()));
          default -> throw new IllegalStateException(s.kind().name());
        }
      }
      return b.toString();
    }

    /** Copy 0 keeps the address; others keep its first octet, the rest from its hash plus k. */
    private String publicIp(String ip) {
      if (k == 0) {
        return ip;
      }
      long h = 0xcbf29ce484222325L;
      for (char c : (ip + "|" + region).toCharArray()) {
        h = (h ^ c) * 0x100000001B3L;
      }
      long rest = Math.floorMod(Math.floorMod(h, 1L << 24) + k, 1L << 24);
      return ip.substring(0, ip.indexOf('.')) + "." + (rest >> 16) + "." + ((rest >> 8) & 255) + "." + (rest & 255);
    }

    private String name(String name) {
      if (k == 0) {
        return name;
      }
      if (name.endsWith(".fifo")) {
        return name.substring(0, name.length() - 5) + "-r" + k + ".fifo";
      }
      int dot = name.indexOf('.');
      // a domain name: the copy's mark goes into its first label
      return dot > 0 ? name.substring(0, dot) + "-r" + k + name.substring(dot) : name + "-r" + k;
    }

    /**
     * Same length and alphabet: the last (up to 12) characters become a hash of the id and the
     * region plus {@code k}, so the copies of one id never collide and two ids collide only if
     * their hashes lie closer than the number of copies.
     */
    private String digits(String text, String alphabet) {
      int n = Math.min(12, text.length());
      long h = 0xcbf29ce484222325L;
      for (char c : (text + "|" + region).toCharArray()) {
        h = (h ^ c) * 0x100000001B3L;
      }
      long space = 1;
      for (int i = 0; i < n; i++) {
        space *= alphabet.length();
      }
      long value = Math.floorMod(Math.floorMod(h, space) + k, space);
      char[] out = new char[n];
      for (int i = n - 1; i >= 0; i--) {
        out[i] = alphabet.charAt((int) (value % alphabet.length()));
        value /= alphabet.length();
      }
      return text.substring(0, text.length() - n) + new String(out);
    }
  }
}
