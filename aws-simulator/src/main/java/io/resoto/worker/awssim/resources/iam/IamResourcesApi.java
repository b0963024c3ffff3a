package io.resoto.worker.awssim.resources.iam;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesRequest;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesResponse;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM's listings of users, groups, roles, policies, instance profiles, access keys and server
 * certificates, plus the credential report, from the caller's account's {@code global} resources:
 *
 * <ul>
 *   <li>{@code Users} ({@link UserDetail}), {@code Groups} ({@link GroupDetail}), {@code Roles}
 *       ({@link RoleDetail}), {@code Policies} ({@link ManagedPolicyDetail}): what
 *       GetAccountAuthorizationDetails returns, filtered by its {@code Filter};
 *   <li>{@code InstanceProfiles} ({@link InstanceProfile}): ListInstanceProfiles;
 *   <li>{@code ServerCertificates} ({@link ServerCertificateMetadata}): ListServerCertificates;
 *   <li>{@code AccessKeys} ({@link AccessKeyMetadata}, with {@code UserName}): ListAccessKeys per user;
 *   <li>{@code LoginProfiles} ({@link LoginProfile}), {@code MFADevices} ({@link MFADevice}) and
 *       {@code RootUser} (one {@link User}: the account's root, with its ARN, CreateDate and
 *       PasswordLastUsed) and {@code PasswordLastUsed} ({@link User}: UserName and PasswordLastUsed
 *       of users who signed in with a password): the rows of the credential report, which is built
 *       from them and the users and access keys.
 * </ul>
 *
 * IAM pages with Marker/MaxItems/IsTruncated: MaxItems 1..1000, 100 when not given. The
 * account summary and password policy are {@link IamAccountSettings}'.
 */
public final class IamResourcesApi implements ResourceApi {

  private static final int DEFAULT_ITEMS = 100;
  private static final int MAX_ITEMS = 1000;

  /** Declares the group. */
  public IamResourcesApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(GetAccountAuthorizationDetailsRequest.class, (ctx, req) -> authorizationDetails(store, ctx, req));
    IamAccountSettings.register(registry, store);
    registry.on(ListInstanceProfilesRequest.class, (ctx, req) -> {
      List<InstanceProfile> all = withPath(store.global(ctx, "iam", "InstanceProfiles", InstanceProfile.class),
          req.pathPrefix(), InstanceProfile::path);
      Page<InstanceProfile> page = page(all, "iam:ListInstanceProfiles", ctx, req.marker(), req.maxItems());
      return ListInstanceProfilesResponse.builder().instanceProfiles(page.items())
          .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    });
    registry.on(ListServerCertificatesRequest.class, (ctx, req) -> {
      List<ServerCertificateMetadata> all = withPath(
          store.global(ctx, "iam", "ServerCertificates", ServerCertificateMetadata.class),
          req.pathPrefix(), ServerCertificateMetadata::path);
      Page<ServerCertificateMetadata> page =
          page(all, "iam:ListServerCertificates", ctx, req.marker(), req.maxItems());
      return ListServerCertificatesResponse.builder().serverCertificateMetadataList(page.items())
          .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    });
    registry.on(ListAccessKeysRequest.class, (ctx, req) -> {
      // without a user name AWS lists the caller's own keys; the simulator's callers name the user
      String user = req.userName() != null ? req.userName()
          : ctx.caller().arn().substring(ctx.caller().arn().lastIndexOf('/') + 1);
      if (req.userName() != null && users(store, ctx).stream().noneMatch(u -> u.userName().equals(user))) {
        throw AwsError.of(404, "NoSuchEntity", "The user with name " + user + " cannot be found.");
      }
      List<AccessKeyMetadata> all = store.global(ctx, "iam", "AccessKeys", AccessKeyMetadata.class).stream()
          .filter(k -> user.equals(k.userName())).toList();
      Page<AccessKeyMetadata> page = page(all, "iam:ListAccessKeys:" + user, ctx, req.marker(), req.maxItems());
      return ListAccessKeysResponse.builder().accessKeyMetadata(page.items())
          .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    });
    // the report is made from the estate on every call: generating it is immediate
    registry.on(GenerateCredentialReportRequest.class, (ctx, req) -> GenerateCredentialReportResponse.builder()
        .state(ReportStateType.COMPLETE).description("The credential report is ready.").build());
    registry.on(GetCredentialReportRequest.class, (ctx, req) -> GetCredentialReportResponse.builder()
        .content(SdkBytes.fromString(credentialReport(store, ctx), StandardCharsets.UTF_8))
        .reportFormat(ReportFormatType.TEXT_CSV).generatedTime(Instant.now()).build());
  }

  private static List<UserDetail> users(ResourceStore store, CallContext ctx) {
    return store.global(ctx, "iam", "Users", UserDetail.class);
  }

  private GetAccountAuthorizationDetailsResponse authorizationDetails(ResourceStore store, CallContext ctx,
      GetAccountAuthorizationDetailsRequest req) {
    Set<EntityType> filter = req.filter().isEmpty() ? EnumSet.allOf(EntityType.class)
        : EnumSet.copyOf(req.filter().stream().filter(f -> f != EntityType.UNKNOWN_TO_SDK_VERSION).toList());
    // one listing over all entity types, in AWS's order: users, groups, roles, policies
    List<Object> all = new ArrayList<>();
    if (filter.contains(EntityType.USER)) {
      all.addAll(users(store, ctx));
    }
    if (filter.contains(EntityType.GROUP)) {
      all.addAll(store.global(ctx, "iam", "Groups", GroupDetail.class));
    }
    if (filter.contains(EntityType.ROLE)) {
      all.addAll(store.global(ctx, "iam", "Roles", RoleDetail.class));
    }
    for (ManagedPolicyDetail p : store.global(ctx, "iam", "Policies", ManagedPolicyDetail.class)) {
      boolean awsManaged = p.arn() != null && p.arn().contains(":iam::aws:policy/");
      if (filter.contains(awsManaged ? EntityType.AWS_MANAGED_POLICY : EntityType.LOCAL_MANAGED_POLICY)) {
        all.add(p);
      }
    }
    Page<Object> page = page(all, "iam:GetAccountAuthorizationDetails:" + filter, ctx, req.marker(), req.maxItems());
    List<UserDetail> users = new ArrayList<>();
    List<GroupDetail> groups = new ArrayList<>();
    List<RoleDetail> roles = new ArrayList<>();
    List<ManagedPolicyDetail> policies = new ArrayList<>();
    for (Object o : page.items()) {
      if (o instanceof UserDetail u) {
        users.add(u);
      } else if (o instanceof GroupDetail g) {
        groups.add(g);
      } else if (o instanceof RoleDetail r) {
        roles.add(r);
      } else {
        policies.add((ManagedPolicyDetail) o);
      }
    }
    return GetAccountAuthorizationDetailsResponse.builder().userDetailList(users).groupDetailList(groups)
        .roleDetailList(roles).policies(policies).isTruncated(page.nextToken() != null).marker(page.nextToken())
        .build();
  }

  private static <T> List<T> withPath(List<T> all, String prefix, java.util.function.Function<T, String> path) {
    if (prefix == null || prefix.isEmpty()) {
      return all;
    }
    return all.stream().filter(x -> path.apply(x) != null && path.apply(x).startsWith(prefix)).toList();
  }

  /** One page of an IAM listing (Marker/MaxItems), with IAM's errors for bad values. */
  static <T> Page<T> page(List<T> all, String listing, CallContext ctx, String marker, Integer maxItems) {
    if (maxItems != null && (maxItems < 1 || maxItems > MAX_ITEMS)) {
      // IAM names the parameter MaxItems and answers ValidationError, not EC2's InvalidParameterValue
      throw AwsError.of(400, "ValidationError",
          "1 validation error detected: Value '" + maxItems + "' at 'maxItems' failed to satisfy constraint: "
              + "Member must have value between 1 and " + MAX_ITEMS);
    }
    try {
      return Page.of(all, listing + ":" + ctx.caller().accountId(), marker, maxItems, DEFAULT_ITEMS, MAX_ITEMS);
    } catch (AwsError e) {
      throw AwsError.of(400, "ValidationError", "Invalid Marker");
    }
  }

  /** The CSV report AWS returns: the root row first, then one row per user. */
  private static String credentialReport(ResourceStore store, CallContext ctx) {
    StringBuilder csv = new StringBuilder(
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
            + "cert_2_active,cert_2_last_rotated\n");
    List<AccessKeyMetadata> keys = store.global(ctx, "iam", "AccessKeys", AccessKeyMetadata.class);
    List<MFADevice> mfa = store.global(ctx, "iam", "MFADevices", MFADevice.class);
    for (User root : store.global(ctx, "iam", "RootUser", User.class)) {
      boolean rootMfa = mfa.stream().anyMatch(m -> "<root_account>".equals(m.userName()));
      csv.append(row("<root_account>", root.arn(), root.createDate(), "not_supported",
          root.passwordLastUsed() == null ? "no_information" : root.passwordLastUsed().toString(),
          "not_supported", rootMfa, List.of()));
    }
    List<LoginProfile> logins = store.global(ctx, "iam", "LoginProfiles", LoginProfile.class);
    List<User> signIns = store.global(ctx, "iam", "PasswordLastUsed", User.class);
    for (UserDetail u : users(store, ctx)) {
      LoginProfile login = logins.stream().filter(l -> u.userName().equals(l.userName())).findFirst().orElse(null);
      boolean hasMfa = mfa.stream().anyMatch(m -> u.userName().equals(m.userName()));
      List<AccessKeyMetadata> own = keys.stream().filter(k -> u.userName().equals(k.userName())).toList();
      String lastUsed = signIns.stream().filter(s -> u.userName().equals(s.userName()) && s.passwordLastUsed() != null)
          .map(s -> s.passwordLastUsed().toString()).findFirst().orElse("no_information");
      csv.append(row(u.userName(), u.arn(), u.createDate(), String.valueOf(login != null),
          login == null ? "N/A" : lastUsed, login == null ? "N/A" : String.valueOf(login.createDate()),
          hasMfa, own));
    }
    return csv.toString();
  }

  private static String row(String user, String arn, Instant created, String passwordEnabled, String passwordLastUsed,
      String passwordLastChanged, boolean mfa, List<AccessKeyMetadata> keys) {
    StringBuilder b = new StringBuilder();
    b.append(user).append(',').append(arn).append(',').append(created).append(',').append(passwordEnabled)
        .append(',').append(passwordLastUsed).append(',').append(passwordLastChanged).append(",N/A,")
        .append(mfa);
    for (int i = 0; i < 2; i++) {
      AccessKeyMetadata k = i < keys.size() ? keys.get(i) : null;
      b.append(',').append(k != null && "Active".equals(k.statusAsString()))
          .append(',').append(k == null ? "N/A" : String.valueOf(k.createDate()))
          .append(",N/A,N/A,N/A");
    }
    return b.append(",false,N/A,false,N/A\n").toString();
  }
}
