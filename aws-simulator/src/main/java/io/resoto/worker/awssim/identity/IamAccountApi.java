package io.resoto.worker.awssim.identity;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.estate.Account;
import io.resoto.worker.awssim.estate.Estate;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;

/** IAM's account-level identity: ListAccountAliases (an account has at most one alias). */
public final class IamAccountApi {
  private final Estate estate;

  public IamAccountApi(Estate estate) {
    this.estate = Objects.requireNonNull(estate);
  }

  public void register(HandlerRegistry registry) {
    registry.on(ListAccountAliasesRequest.class, this::listAccountAliases);
  }

  public ListAccountAliasesResponse listAccountAliases(CallContext context, ListAccountAliasesRequest request) {
    if (request.maxItems() != null && (request.maxItems() < 1 || request.maxItems() > 1000)) {
      throw AwsError.of(400, "ValidationError", "1 validation error detected: Value '" + request.maxItems()
          + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
    }
    Account account = context.caller() == null ? null : estate.account(context.caller().accountId()).orElse(null);
    List<String> aliases = account == null || account.alias() == null ? List.of() : List.of(account.alias());
    return ListAccountAliasesResponse.builder().accountAliases(aliases).isTruncated(false).build();
  }
}
