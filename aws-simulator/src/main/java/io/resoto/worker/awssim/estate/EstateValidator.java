package io.resoto.worker.awssim.estate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an estate's consistency; every message names the YAML path of the offending value. */
final class EstateValidator {
  static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");
  static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
  static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
  static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]");
  static final Pattern ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z0-9]{16}");
  static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws:(iam|sts)::\\d{12}:.+");
  static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
  static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
  static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE");
  static final int MIN_MAX_SESSION = 3600;
  static final int MAX_MAX_SESSION = 43200;

  private final Problems problems;
  private final Map<String, Account> accounts = new HashMap<>();

  EstateValidator(Problems problems) {
    this.problems = problems;
  }

  void validate(Organization org, List<Account> accountList, List<Principal> principals, List<Role> roles,
      InstanceProfile profile, EstateSettings settings, RawResources resources) {
    for (Account a : accountList) {
      if (a.id() != null) {
        accounts.putIfAbsent(a.id(), a);
      }
    }
    Set<String> parents = org == null ? Set.of() : organization(org);
    accounts(accountList, org, parents);
    principals(principals);
    roles(roles);
    if (profile != null) {
      instanceProfile(profile, roles);
    }
    if (settings.assumedRoleLifetimeSeconds() != null && settings.assumedRoleLifetimeSeconds() < 1) {
      problems.add("settings.assumed_role_lifetime_seconds", "must be positive, got "
          + settings.assumedRoleLifetimeSeconds());
    }
    if (settings.metricDatapointsPerPage() != null && settings.metricDatapointsPerPage() < 1) {
      problems.add("settings.metric_datapoints_per_page", "must be positive, got "
          + settings.metricDatapointsPerPage());
    }
    resources(resources);
  }

  /** Returns the ids accounts and OUs may name as their parent. */
  private Set<String> organization(Organization org) {
    String p = "organization";
    if (require(p + ".id", org.id()) && !ORG_ID.matcher(org.id()).matches()) {
      problems.add(p + ".id", "\"" + org.id() + "\" is not an organization id (o- and 10 to 32 letters or digits)");
    }
    if (require(p + ".management_account", org.managementAccount())) {
      if (!ACCOUNT_ID.matcher(org.managementAccount()).matches()) {
        problems.add(p + ".management_account", notAnAccountId(org.managementAccount()));
      } else if (!accounts.containsKey(org.managementAccount())) {
        problems.add(p + ".management_account", "account \"" + org.managementAccount()
            + "\" is not in accounts");
      }
    }
    Set<String> ids = new HashSet<>();
    Set<String> roots = new HashSet<>();
    if (org.roots().isEmpty() && !problems.has(p + ".roots")) {
      problems.add(p + ".roots", "an organization needs a root");
    }
    for (int i = 0; i < org.roots().size(); i++) {
      Organization.Root root = org.roots().get(i);
      String rp = p + ".roots[" + i + "]";
      if (require(rp + ".id", root.id())) {
        if (!ROOT_ID.matcher(root.id()).matches()) {
          problems.add(rp + ".id", "\"" + root.id() + "\" is not a root id (r- and 4 to 32 letters or digits)");
        }
        if (!ids.add(root.id())) {
          problems.add(rp + ".id", "duplicate id \"" + root.id() + "\"");
        }
        roots.add(root.id());
      }
      require(rp + ".name", root.name());
    }
    Map<String, String> parentOf = new HashMap<>();
    for (int i = 0; i < org.units().size(); i++) {
      Organization.Unit unit = org.units().get(i);
      String up = p + ".units[" + i + "]";
      if (require(up + ".id", unit.id())) {
        if (!OU_ID.matcher(unit.id()).matches()) {
          problems.add(up + ".id", "\"" + unit.id() + "\" is not an OU id (ou-<root part>-<8 to 32 letters or digits>)");
        }
        if (!ids.add(unit.id())) {
          problems.add(up + ".id", "duplicate id \"" + unit.id() + "\"");
        }
        parentOf.putIfAbsent(unit.id(), unit.parent());
      }
      require(up + ".name", unit.name());
    }
    for (int i = 0; i < org.units().size(); i++) {
      Organization.Unit unit = org.units().get(i);
      String pp = p + ".units[" + i + "].parent";
      if (!require(pp, unit.parent())) {
        continue;
      }
      if (!ids.contains(unit.parent())) {
        problems.add(pp, "unknown parent \"" + unit.parent() + "\" (neither a root nor an OU)");
      } else if (unit.id() != null && inCycle(unit.id(), parentOf, roots)) {
        problems.add(pp, "OU \"" + unit.id() + "\" is its own ancestor");
      }
    }
    return ids;
  }

  private static boolean inCycle(String unit, Map<String, String> parentOf, Set<String> roots) {
    String current = parentOf.get(unit);
    for (int steps = 0; steps <= parentOf.size(); steps++) {
      if (current == null || roots.contains(current)) {
        return false;
      }
      if (current.equals(unit)) {
        return true;
      }
      current = parentOf.get(current);
    }
    return true;
  }

  private void accounts(List<Account> list, Organization org, Set<String> parents) {
    Set<String> seen = new HashSet<>();
    Set<String> aliases = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Account a = list.get(i);
      String p = "accounts[" + i + "]";
      if (require(p + ".id", a.id())) {
        if (!ACCOUNT_ID.matcher(a.id()).matches()) {
          problems.add(p + ".id", notAnAccountId(a.id()));
        }
        if (!seen.add(a.id())) {
          problems.add(p + ".id", "duplicate account id \"" + a.id() + "\"");
        }
      }
      require(p + ".name", a.name());
      if (require(p + ".email", a.email()) && !a.email().contains("@")) {
        problems.add(p + ".email", "\"" + a.email() + "\" is not an email address");
      }
      if (a.alias() != null) {
        if (!ALIAS.matcher(a.alias()).matches()) {
          problems.add(p + ".alias", "\"" + a.alias()
              + "\" is not an account alias (3 to 63 lower-case letters, digits and single hyphens)");
        } else if (!aliases.add(a.alias())) {
          problems.add(p + ".alias", "duplicate alias \"" + a.alias() + "\" (aliases are unique across AWS)");
        }
      }
      if (org == null) {
        if (a.parent() != null) {
          problems.add(p + ".parent", "there is no organization");
        }
      } else if (require(p + ".parent", a.parent()) && !parents.contains(a.parent())) {
        problems.add(p + ".parent", "unknown parent \"" + a.parent() + "\" (neither a root nor an OU)");
      }
      if (require(p + ".status", a.status()) && !STATUSES.contains(a.status())) {
        problems.add(p + ".status", "\"" + a.status() + "\" is not one of " + STATUSES);
      }
      if (a.regions().isEmpty() && !problems.has(p + ".regions")) {
        problems.add(p + ".regions", "an account needs at least one enabled region");
      }
      Set<String> enabled = new HashSet<>();
      for (int r = 0; r < a.regions().size(); r++) {
        String region = a.regions().get(r);
        if (checkRegion(p + ".regions[" + r + "]", region) && !enabled.add(region)) {
          problems.add(p + ".regions[" + r + "]", "duplicate region \"" + region + "\"");
        }
      }
      for (int r = 0; r < a.notOptedIn().size(); r++) {
        String region = a.notOptedIn().get(r);
        String rp = p + ".not_opted_in[" + r + "]";
        if (!checkRegion(rp, region)) {
          continue;
        }
        if (!Regions.isOptIn(region)) {
          problems.add(rp, "\"" + region + "\" is not an opt-in region; it is always enabled");
        } else if (enabled.contains(region)) {
          problems.add(rp, "\"" + region + "\" is also listed as enabled");
        }
      }
      require(p + ".joined", a.joined());
    }
  }

  private boolean checkRegion(String path, String region) {
    if (!require(path, region)) {
      return false;
    }
    if (!Regions.NAME.matcher(region).matches()) {
      problems.add(path, "\"" + region + "\" is not a region name");
      return false;
    }
    return true;
  }

  private void principals(List<Principal> list) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Principal pr = list.get(i);
      String p = "principals[" + i + "]";
      knownAccount(p + ".account", pr.account());
      if (require(p + ".user", pr.user()) && !IAM_NAME.matcher(pr.user()).matches()) {
        problems.add(p + ".user", "\"" + pr.user() + "\" is not an IAM user name");
      }
      if (require(p + ".access_key_id", pr.accessKeyId())) {
        if (!ACCESS_KEY_ID.matcher(pr.accessKeyId()).matches()) {
          problems.add(p + ".access_key_id", "\"" + pr.accessKeyId()
              + "\" is not a long-term access key id (AKIA and 16 upper-case letters or digits)");
        }
        if (!keys.add(pr.accessKeyId())) {
          problems.add(p + ".access_key_id", "duplicate access key id \"" + pr.accessKeyId() + "\"");
        }
      }
      if (require(p + ".secret_access_key", pr.secretAccessKey()) && pr.secretAccessKey().isBlank()) {
        problems.add(p + ".secret_access_key", "must not be blank");
      }
    }
  }

  private void roles(List<Role> list) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Role role = list.get(i);
      String p = "roles[" + i + "]";
      knownAccount(p + ".account", role.account());
      if (require(p + ".name", role.name())) {
        if (!IAM_NAME.matcher(role.name()).matches()) {
          problems.add(p + ".name", "\"" + role.name() + "\" is not an IAM role name");
        }
        if (role.account() != null && !seen.add(role.account() + "/" + role.name())) {
          problems.add(p + ".name", "duplicate role \"" + role.name() + "\" in account " + role.account());
        }
      }
      if (role.trust().isEmpty() && !problems.has(p + ".trust")) {
        problems.add(p + ".trust", "a role needs at least one trusted account or principal");
      }
      for (int t = 0; t < role.trust().size(); t++) {
        String trusted = role.trust().get(t);
        String tp = p + ".trust[" + t + "]";
        if (require(tp, trusted) && !ACCOUNT_ID.matcher(trusted).matches()
            && !PRINCIPAL_ARN.matcher(trusted).matches()) {
          problems.add(tp, "\"" + trusted + "\" is neither a 12-digit account id nor a principal ARN");
        }
      }
      if (role.externalId() != null && !EXTERNAL_ID.matcher(role.externalId()).matches()) {
        problems.add(p + ".external_id", "must be 2 to 1224 characters of [\\w+=,.@:/-]");
      }
      if (role.maxSessionDuration() < MIN_MAX_SESSION || role.maxSessionDuration() > MAX_MAX_SESSION) {
        problems.add(p + ".max_session_duration", "must be between " + MIN_MAX_SESSION + " and "
            + MAX_MAX_SESSION + " seconds, got " + role.maxSessionDuration());
      }
    }
  }

  private void instanceProfile(InstanceProfile profile, List<Role> roles) {
    String p = "instance_profile";
    boolean known = knownAccount(p + ".account", profile.account());
    if (require(p + ".role", profile.role()) && known
        && roles.stream().noneMatch(r -> profile.account().equals(r.account()) && profile.role().equals(r.name()))) {
      problems.add(p + ".role", "no role \"" + profile.role() + "\" in account " + profile.account());
    }
    if (profile.region() != null && known && !accounts.get(profile.account()).regionEnabled(profile.region())) {
      problems.add(p + ".region", "\"" + profile.region() + "\" is not enabled for account " + profile.account());
    }
    if (profile.instanceId() != null && !INSTANCE_ID.matcher(profile.instanceId()).matches()) {
      problems.add(p + ".instance_id", "\"" + profile.instanceId() + "\" is not an instance id");
    }
  }

  private void resources(RawResources resources) {
    for (String account : resources.accounts()) {
      String p = "resources." + account;
      if (!accounts.containsKey(account)) {
        problems.add(p, "unknown account \"" + account + "\"");
        continue;
      }
      for (String region : resources.regions(account)) {
        if (!RawResources.GLOBAL.equals(region) && !accounts.get(account).regionEnabled(region)) {
          problems.add(p + "." + region, "region \"" + region + "\" is not enabled for account " + account
              + " (use \"" + RawResources.GLOBAL + "\" for global services)");
        }
      }
    }
  }

  private boolean knownAccount(String path, String account) {
    if (!require(path, account)) {
      return false;
    }
    if (!accounts.containsKey(account)) {
      problems.add(path, ACCOUNT_ID.matcher(account).matches()
          ? "unknown account \"" + account + "\"" : notAnAccountId(account));
      return false;
    }
    return true;
  }

  private static String notAnAccountId(String value) {
    return "\"" + value + "\" is not a 12-digit account id (quote account ids in YAML so leading zeros survive)";
  }

  private boolean require(String path, Object value) {
    if (value == null) {
      if (!problems.has(path)) {
        problems.add(path, "is required");
      }
      return false;
    }
    return true;
  }
}
